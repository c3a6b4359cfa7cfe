using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Configuration;

/// <summary>GET, POST /api/v1/environments and DELETE /api/v1/environments/{name}.</summary>
public static partial class EnvironmentEndpoints
{
    public const int MaxNameLength = 50;
    public const int MaxDescriptionLength = 500;

    public static RouteGroupBuilder MapEnvironments(this RouteGroupBuilder api)
    {
        // Authors read the list too (ReadConnectors covers operators and admins), to know where a connector can run.
        api.MapGet("/environments", ListAsync).RequireAuthorization(Policies.ReadConnectors)
            .WithName("ListEnvironments").WithSummary("Lists the environments: the built-in Development, Test and Production, and those added.");
        api.MapPost("/environments", CreateAsync).RequireAuthorization(Policies.Configure)
            .WithName("CreateEnvironment").WithSummary("Adds an environment (name: 1-50 letters, digits, '-', '_' or spaces; unique without regard to case).");
        api.MapDelete("/environments/{name}", DeleteAsync).RequireAuthorization(Policies.Configure)
            .WithName("DeleteEnvironment").WithSummary("Deletes an added environment and every connector configuration of it; built-ins cannot be deleted.");
        return api;
    }

    private static async Task<IResult> ListAsync(HubDb db, CancellationToken cancellationToken)
    {
        var environments = await db.Environments.AsNoTracking().ToListAsync(cancellationToken);
        return Results.Json(environments.OrderBy(e => e.CreatedAt).ThenBy(e => e.NameKey, StringComparer.Ordinal).Select(View), HubJson.Options);
    }

    private static async Task<IResult> CreateAsync(EnvironmentBody? body, HttpContext context, HubDb db, TimeProvider time)
    {
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid("The environment is not valid.", errors);
        }

        var name = body!.Name!;
        var key = name.ToLowerInvariant();
        var cancellationToken = context.RequestAborted;
        if (await db.Environments.AnyAsync(e => e.NameKey == key, cancellationToken))
        {
            return ApiProblems.Conflict($"An environment named '{name}' exists already (names are unique without regard to case).");
        }

        var record = db.Environments.Add(new EnvironmentRecord
        {
            Name = name,
            NameKey = key,
            Description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim(),
            CreatedAt = time.GetUtcNow(),
        }).Entity;
        AuditLog.Record(db, Caller.From(context.User), "environment.create", name, null, time);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"An environment named '{name}' was created at the same time.");
        }

        return Results.Json(View(record), HubJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteAsync(string name, HttpContext context, HubDb db, TimeProvider time)
    {
        var cancellationToken = context.RequestAborted;
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
        AuditLog.Record(db, Caller.From(context.User), "environment.delete", environment.Name, new { removedConfigurations = configs.Count }, time);
        await db.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
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
