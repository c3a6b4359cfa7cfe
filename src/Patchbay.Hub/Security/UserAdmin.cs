using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>
/// User accounts: create, list, revoke, set a new password; for the users API and the admin pages alike. A
/// password is never audited, logged or returned; the audit names the account and what changed.
/// </summary>
public sealed class UserAdmin(HubDb db, TimeProvider time)
{
    public async Task<AccessOutcome<UserView>> CreateAsync(CreateUserBody? body, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        body ??= new CreateUserBody(null, null, null, null);
        var errors = KeyRules.Check(body.Name, body.Role, body.Connectors, "account").Concat(Passwords.Check(body.Password)).ToList();
        if (errors.Count > 0)
        {
            return AccessOutcome.Invalid<UserView>("The user cannot be created as asked.", errors);
        }

        var name = body.Name!.Trim();
        var nameKey = name.ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.NameKey == nameKey, cancellationToken))
        {
            return AccessOutcome.Conflict<UserView>($"A user named '{name}' exists already ($.name); names are unique ignoring case and revoked users keep theirs.");
        }

        var record = new UserRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            NameKey = nameKey,
            PasswordHash = "",
            Role = body.Role!,
            Connectors = ApiKeys.FormatConnectors(body.Connectors),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = caller.Name,
        };
        record.PasswordHash = Passwords.Hash(record, body.Password!);
        db.Users.Add(record);
        AuditLog.Record(db, caller, "user.create", name, new { record.Role, Connectors = KeyAdmin.ConnectorsOf(record.Connectors) }, time);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have created the same name between the check above and this save.
            db.ChangeTracker.Clear();
            if (await db.Users.AnyAsync(u => u.NameKey == nameKey, CancellationToken.None))
            {
                return AccessOutcome.Conflict<UserView>($"A user named '{name}' exists already ($.name).");
            }

            throw;
        }

        return AccessOutcome.Done<UserView>(View(record));
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return records.OrderBy(u => u.CreatedAt).ThenBy(u => u.NameKey, StringComparer.Ordinal).Select(View).ToList();
    }

    /// <summary>Revokes at once (idempotent): the account's sessions end; the last active admin (keys and users together) is refused.</summary>
    public Task<AccessOutcome<bool>> RevokeAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return SerializedWrite.RunAsync(db, () => RevokeOnceAsync(id, caller, cancellationToken), cancellationToken);
    }

    /// <summary>An admin sets a new password (the person forgot theirs, or it leaked).</summary>
    public async Task<AccessOutcome<bool>> SetPasswordAsync(Guid id, SetPasswordBody? body, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = Passwords.Check(body?.Password);
        if (errors.Count > 0)
        {
            return AccessOutcome.Invalid<bool>("The password was not changed.", errors);
        }

        var record = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (record is null)
        {
            return AccessOutcome.NotFound<bool>($"There is no user with id {id}.");
        }

        if (record.RevokedAt is not null)
        {
            return AccessOutcome.Conflict<bool>($"'{record.Name}' is revoked; create a new account instead.");
        }

        record.PasswordHash = Passwords.Hash(record, body!.Password!);
        AuditLog.Record(db, caller, "user.password", record.Name, null, time);
        await db.SaveChangesAsync(cancellationToken);
        return AccessOutcome.Done<bool>(true);
    }

    private async Task<AccessOutcome<bool>> RevokeOnceAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var record = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (record is null)
        {
            return AccessOutcome.NotFound<bool>($"There is no user with id {id}.");
        }

        if (record.RevokedAt is not null)
        {
            return AccessOutcome.Done<bool>(false); // revoking is idempotent
        }

        if (record.Role == Roles.Admin && !await LastAdmin.OtherExistsAsync(db, id, cancellationToken))
        {
            return AccessOutcome.Conflict<bool>($"'{record.Name}' is the last active admin user and no admin key is active; create another admin before revoking it.");
        }

        record.RevokedAt = time.GetUtcNow();
        record.RevokedBy = caller.Name;
        AuditLog.Record(db, caller, "user.revoke", record.Name, new { record.Role }, time);
        await db.SaveChangesAsync(cancellationToken);
        return AccessOutcome.Done<bool>(true);
    }

    private static UserView View(UserRecord u) =>
        new(u.Id, u.Name, u.Role, KeyAdmin.ConnectorsOf(u.Connectors), u.CreatedAt, u.CreatedBy, u.RevokedAt, u.RevokedBy);
}
