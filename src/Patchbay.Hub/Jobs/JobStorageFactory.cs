using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Patchbay.Hub.Storage;
using SQLite;

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

        // The storage's own connection (sqlite-net, as its path constructor makes it), told the hub's synchronous setting.
        var path = Path.Combine(options.DataFolder, DataFolderLayout.JobDatabase);
        var pragma = SqliteConnectionSettings.Pragma(options.SqliteSynchronous);
        var connections = new SQLiteDbConnectionFactory(() =>
        {
            var connection = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.NoMutex, storeDateTimeAsTicks: true)
            {
                BusyTimeout = TimeSpan.FromSeconds(10),
            };
            connection.Execute(pragma);
            return connection;
        });
        return new SQLiteStorage(connections, new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            // Not renewed while the attempt runs (Hangfire.Storage.SQLite 0.4 has no sliding lease): an attempt still
            // running after JobLease is taken again by another worker, which waits for it (JobAttemptGuard).
            InvisibilityTimeout = options.JobLease,
        });
    }
}
