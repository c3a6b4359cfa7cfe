using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>API keys: create (shown once), list, revoke. Admin only.</summary>
public static class KeyEndpoints
{
    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").RequireAuthorization(Policies.Administer).WithTags("Keys");
        keys.MapPost("", CreateAsync)
            .WithName("CreateKey")
            .WithSummary("Creates an API key of a role; the answer is the only time the key is shown.")
            .Produces<CreatedKeyView>(StatusCodes.Status201Created);
        keys.MapGet("", ListAsync)
            .WithName("ListKeys")
            .WithSummary("Lists API keys (prefix, role, created, revoked), never a key or its hash.")
            .Produces<IReadOnlyList<KeyView>>();
        keys.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("RevokeKey")
            .WithSummary("Revokes an API key at once; the last active admin key cannot be revoked.")
            .Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateKeyBody? body, HttpContext context, HubDb db, TimeProvider time)
    {
        body ??= new CreateKeyBody(null, null, null);
        var errors = KeyRules.Check(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid("The key cannot be created as asked.", errors);
        }

        var name = body.Name!.Trim();
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, context.RequestAborted))
        {
            return ApiProblems.Conflict($"An API key named '{name}' exists already ($.name); revoked keys keep their names.");
        }

        var caller = Caller.From(context.User);
        var (key, prefix) = ApiKeys.Generate();
        var record = new ApiKeyRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Prefix = prefix,
            Hash = ApiKeys.Hash(key),
            Role = body.Role!,
            Connectors = ApiKeys.FormatConnectors(body.Connectors),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = caller.Name,
        };
        db.ApiKeys.Add(record);
        AuditLog.Record(db, caller, "key.create", name, new { record.Role, Connectors = ConnectorsOf(record), record.Prefix }, time);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Another request may have created the same name between the check above and this save.
            if (await NameTakenAsync(db, name))
            {
                return ApiProblems.Conflict($"An API key named '{name}' exists already ($.name).");
            }

            throw;
        }

        var created = new CreatedKeyView(record.Id, record.Name, record.Role, ConnectorsOf(record), record.Prefix, key, record.CreatedAt);
        return Results.Json(created, HubJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HubDb db, CancellationToken cancellationToken)
    {
        var records = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        var views = records
            .OrderBy(k => k.CreatedAt)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => new KeyView(k.Id, k.Name, k.Role, ConnectorsOf(k), k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt))
            .ToList();
        return Results.Json(views, HubJson.Options);
    }

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext context, HubDb db, IMemoryCache cache, TimeProvider time)
    {
        var caller = Caller.From(context.User);
        var (answer, revokedPrefix) = await SerializedWrite.RunAsync(db, () => RevokeOnceAsync(id, caller, db, time, context.RequestAborted), context.RequestAborted);
        if (revokedPrefix is not null)
        {
            ApiKeyVerifier.Forget(cache, revokedPrefix);
        }

        return answer;
    }

    /// <summary>
    /// Checks and revokes in one serializable transaction: of two admin keys revoked at the same time, one
    /// commits and the other, retried, finds itself the last. Returns the answer and the prefix to forget, if revoked.
    /// </summary>
    private static async Task<(IResult Answer, string? RevokedPrefix)> RevokeOnceAsync(Guid id, Caller caller, HubDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null)
        {
            return (ApiProblems.NotFound($"There is no API key with id {id}."), null);
        }

        if (record.RevokedAt is not null)
        {
            return (Results.NoContent(), null); // revoking is idempotent
        }

        if (record.Role == Roles.Admin
            && !await db.ApiKeys.AnyAsync(k => k.Role == Roles.Admin && k.RevokedAt == null && k.Id != id, cancellationToken))
        {
            return (ApiProblems.Conflict($"'{record.Name}' is the last active admin key; create another admin key before revoking it."), null);
        }

        record.RevokedAt = time.GetUtcNow();
        AuditLog.Record(db, caller, "key.revoke", record.Name, new { record.Role, record.Prefix }, time);
        await db.SaveChangesAsync(cancellationToken);
        return (Results.NoContent(), record.Prefix);
    }

    private static async Task<bool> NameTakenAsync(HubDb db, string name)
    {
        db.ChangeTracker.Clear();
        return await db.ApiKeys.AnyAsync(k => k.Name == name, CancellationToken.None);
    }

    private static IReadOnlyList<string>? ConnectorsOf(ApiKeyRecord record) =>
        record.Connectors is null ? null : [.. ApiKeys.ParseConnectors(record.Connectors).Order(StringComparer.Ordinal)];
}
