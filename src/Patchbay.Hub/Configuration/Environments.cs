using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// Lists, adds and deletes environments: the one place of their rules, for the API and the UI. The built-in
/// Development, Test and Production cannot be deleted; deleting an added one removes its connector configurations.
/// </summary>
public sealed partial class Environments(HubDb db, TimeProvider time)
{
    public const int MaxNameLength = 50;
    public const int MaxDescriptionLength = 500;

    /// <summary>Every environment, the built-ins (created first) before those added.</summary>
    public async Task<IReadOnlyList<EnvironmentView>> ListAsync(CancellationToken cancellationToken)
    {
        var environments = await db.Environments.AsNoTracking().ToListAsync(cancellationToken);
        return [.. environments.OrderBy(e => e.CreatedAt).ThenBy(e => e.NameKey, StringComparer.Ordinal).Select(View)];
    }

    /// <summary>Adds an environment; the problem is a 400 naming the fields at fault, or a 409 for a name in use.</summary>
    public async Task<(EnvironmentView? Created, IResult? Problem)> CreateAsync(EnvironmentBody? body, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return (null, ApiProblems.Invalid("The environment is not valid.", errors));
        }

        var name = body!.Name!;
        var key = name.ToLowerInvariant();
        if (await db.Environments.AnyAsync(e => e.NameKey == key, cancellationToken))
        {
            return (null, ApiProblems.Conflict($"An environment named '{name}' exists already (names are unique without regard to case)."));
        }

        var record = db.Environments.Add(new EnvironmentRecord
        {
            Name = name,
            NameKey = key,
            Description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim(),
            CreatedAt = time.GetUtcNow(),
        }).Entity;
        AuditLog.Record(db, caller, "environment.create", name, null, time);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (null, ApiProblems.Conflict($"An environment named '{name}' was created at the same time."));
        }

        return (View(record), null);
    }

    /// <summary>Deletes an added environment and its configurations; the problem is a 404, or a 409 for a built-in.</summary>
    public async Task<IResult?> DeleteAsync(string name, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        var key = name.ToLowerInvariant();
        var environment = await db.Environments.FirstOrDefaultAsync(e => e.NameKey == key, cancellationToken);
        if (environment is null)
        {
            return ApiProblems.NotFound($"There is no environment '{name}'.");
        }

        if (environment.IsBuiltIn)
        {
            return ApiProblems.Conflict($"'{environment.Name}' is a built-in environment and cannot be deleted.");
        }

        var configs = await db.ConnectorConfigs.Include(c => c.Values).Where(c => c.EnvironmentKey == key).ToListAsync(cancellationToken);
        db.ConnectorConfigs.RemoveRange(configs);
        db.Environments.Remove(environment);
        AuditLog.Record(db, caller, "environment.delete", environment.Name, new { removedConfigurations = configs.Count }, time);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static List<ProblemError> Validate(EnvironmentBody? body)
    {
        var errors = new List<ProblemError>();
        if (body?.Name is not { } name || name.Length == 0)
        {
            errors.Add(ProblemError.Field("$.name", "Required: the environment's name."));
        }
        else if (name.Length > MaxNameLength || !NamePattern().IsMatch(name) || name.Trim().Length != name.Length)
        {
            errors.Add(ProblemError.Field("$.name", $"'{name}' is not a valid name: 1-{MaxNameLength} letters, digits, '-', '_' or spaces, not starting or ending with a space."));
        }

        if (body?.Description is { Length: > MaxDescriptionLength })
        {
            errors.Add(ProblemError.Field("$.description", $"At most {MaxDescriptionLength} characters."));
        }

        return errors;
    }

    private static EnvironmentView View(EnvironmentRecord e) => new(e.Name, e.Description, e.IsBuiltIn, e.CreatedAt);

    [GeneratedRegex("^[A-Za-z0-9_ -]+$")]
    private static partial Regex NamePattern();
}

/// <summary>The body of POST /environments.</summary>
public sealed record EnvironmentBody(string? Name, string? Description);

/// <summary>An environment as the API shows it.</summary>
public sealed record EnvironmentView(string Name, string? Description, bool BuiltIn, DateTimeOffset CreatedAt);
