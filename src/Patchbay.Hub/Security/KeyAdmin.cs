using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>API keys: create (the key shown once), list, revoke; for the keys API and the admin pages alike.</summary>
public sealed class KeyAdmin(HubDb db, IMemoryCache cache, TimeProvider time)
{
    public async Task<AccessOutcome<CreatedKeyView>> CreateAsync(CreateKeyBody? body, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        body ??= new CreateKeyBody(null, null, null);
        var errors = KeyRules.Check(body);
        if (errors.Count > 0)
        {
            return AccessOutcome.Invalid<CreatedKeyView>("The key cannot be created as asked.", errors);
        }

        var name = body.Name!.Trim();
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, cancellationToken))
        {
            return AccessOutcome.Conflict<CreatedKeyView>($"An API key named '{name}' exists already ($.name); revoked keys keep their names.");
        }

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
        AuditLog.Record(db, caller, "key.create", name, new { record.Role, Connectors = ConnectorsOf(record.Connectors), record.Prefix }, time);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have created the same name between the check above and this save.
            db.ChangeTracker.Clear();
            if (await db.ApiKeys.AnyAsync(k => k.Name == name, CancellationToken.None))
            {
                return AccessOutcome.Conflict<CreatedKeyView>($"An API key named '{name}' exists already ($.name).");
            }

            throw;
        }

        return AccessOutcome.Done<CreatedKeyView>(new CreatedKeyView(record.Id, record.Name, record.Role, ConnectorsOf(record.Connectors), record.Prefix, key, record.CreatedAt));
    }

    public async Task<IReadOnlyList<KeyView>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return records
            .OrderBy(k => k.CreatedAt)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => new KeyView(k.Id, k.Name, k.Role, ConnectorsOf(k.Connectors), k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt))
            .ToList();
    }

    /// <summary>Revokes at once (idempotent); the last active admin (keys and users together) is refused.</summary>
    public async Task<AccessOutcome<bool>> RevokeAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (outcome, revokedPrefix) = await SerializedWrite.RunAsync(db, () => RevokeOnceAsync(id, caller, cancellationToken), cancellationToken);
        if (revokedPrefix is not null)
        {
            ApiKeyVerifier.Forget(cache, revokedPrefix);
        }

        return outcome;
    }

    /// <summary>The stored connector list as the API shows it: sorted names, or null for every connector.</summary>
    internal static IReadOnlyList<string>? ConnectorsOf(string? stored) =>
        stored is null ? null : [.. ApiKeys.ParseConnectors(stored).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Checks and revokes in one serializable transaction: of two admin keys revoked at the same time, one
    /// commits and the other, retried, finds itself the last. Returns the outcome and the prefix to forget, if revoked.
    /// </summary>
    private async Task<(AccessOutcome<bool> Outcome, string? RevokedPrefix)> RevokeOnceAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var record = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null)
        {
            return (AccessOutcome.NotFound<bool>($"There is no API key with id {id}."), null);
        }

        if (record.RevokedAt is not null)
        {
            return (AccessOutcome.Done<bool>(false), null); // revoking is idempotent
        }

        if (record.Role == Roles.Admin && !await LastAdmin.OtherExistsAsync(db, id, cancellationToken))
        {
            return (AccessOutcome.Conflict<bool>($"'{record.Name}' is the last active admin key and no admin user is active; create another admin before revoking it."), null);
        }

        record.RevokedAt = time.GetUtcNow();
        AuditLog.Record(db, caller, "key.revoke", record.Name, new { record.Role, record.Prefix }, time);
        await db.SaveChangesAsync(cancellationToken);
        return (AccessOutcome.Done<bool>(true), record.Prefix);
    }
}
