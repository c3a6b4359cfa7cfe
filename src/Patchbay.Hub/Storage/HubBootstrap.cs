using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Storage;

/// <summary>What a hub does to its database before it serves: migrate, seed, and make sure an admin key exists.</summary>
public static class HubBootstrap
{
    public static readonly IReadOnlyList<string> DefaultEnvironments = ["Development", "Test", "Production"];

    /// <summary>Applies pending migrations and seeds what a new database needs.</summary>
    /// <returns>The admin key created now (to print once), or null when keys existed already or one was configured.</returns>
    public static async Task<string?> PrepareAsync(HubDb db, HubOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (db is SqliteHubDb)
        {
            // Readers do not wait for a writer, and a busy database retries instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var name in DefaultEnvironments)
        {
            var key = name.ToLowerInvariant();
            if (!await db.Environments.AnyAsync(e => e.NameKey == key, cancellationToken).ConfigureAwait(false))
            {
                db.Environments.Add(new EnvironmentRecord { Name = name, NameKey = key, IsBuiltIn = true, CreatedAt = now });
            }
        }

        if (!await db.PlatformSettings.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            db.PlatformSettings.Add(new PlatformSettingsRecord { UpdatedAt = now });
        }

        string? created = null;
        if (!await db.ApiKeys.AnyAsync(k => k.Role == Roles.Admin && k.RevokedAt == null, cancellationToken).ConfigureAwait(false))
        {
            var (key, prefix) = options.AdminKey is { } configured
                ? (configured, ApiKeys.PrefixOf(configured) ?? throw new InvalidOperationException("The configured admin key is not a Patchbay key (pb_<8 hex>_<secret>); create one with 'patchbay keys new' or leave it unset."))
                : ApiKeys.Generate();
            db.ApiKeys.Add(new ApiKeyRecord { Id = Guid.CreateVersion7(), Name = "admin", Prefix = prefix, Hash = ApiKeys.Hash(key), Role = Roles.Admin, CreatedAt = now, CreatedBy = "first start" });
            created = options.AdminKey is null ? key : null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (options.UsesPostgres)
        {
            // Another hub of the scale-out seeded the same rows first; its rows are as good as ours.
            return null;
        }

        return created;
    }
}
