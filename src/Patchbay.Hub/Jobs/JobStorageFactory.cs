using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Hangfire's storage beside the hub's own: the schema "hangfire" of the same PostgreSQL database (every hub of
/// a scale-out shares the queue), or <c>jobs.db</c> in the data folder with SQLite. An attempt taken by a hub
/// that then dies is taken again after <see cref="HubOptions.JobLease"/>.
/// </summary>
public static class JobStorageFactory
{
    public const string PostgresSchema = "hangfire";

    public static JobStorage Create(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UsesPostgres)
        {
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = PostgresSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                EnableLongPolling = true, // LISTEN/NOTIFY: a worker picks an enqueued attempt up at once
                InvisibilityTimeout = options.JobLease,
                UseSlidingInvisibilityTimeout = true, // a live hub renews its lease; a dead one's attempts come back after JobLease
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgresConnectionString!, storageOptions), storageOptions);
        }

        return new SQLiteStorage(Path.Combine(options.DataFolder, DataFolderLayout.JobDatabase), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            InvisibilityTimeout = options.JobLease, // renewed by a heartbeat while the attempt runs
        });
    }
}
