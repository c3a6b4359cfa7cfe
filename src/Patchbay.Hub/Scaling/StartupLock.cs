using Medallion.Threading.Postgres;

namespace Patchbay.Hub.Scaling;

/// <summary>
/// Serializes the start-up steps that change a shared database (EF Core migrations, the first rows, Hangfire's
/// schema): hubs of a scale-out that start together take turns on one PostgreSQL advisory lock, so each step
/// either does the work or finds it done. Without it both run them at once; EF Core's migration lock covers the
/// migrations only, and Hangfire's installer logs a failed script and moves on. SQLite has one hub per database.
/// </summary>
public static class StartupLock
{
    public const string Key = "patchbay-startup";

    /// <summary>Waits for the lock (as long as a migration takes); null on SQLite.</summary>
    public static async Task<IAsyncDisposable?> AcquireAsync(HubOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UsesPostgres)
        {
            return null;
        }

        var startup = new PostgresDistributedLock(new PostgresAdvisoryLockKey(Key, allowHashing: true), options.PostgresConnectionString!);
        return await startup.AcquireAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
