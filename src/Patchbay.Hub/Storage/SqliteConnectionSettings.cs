using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Patchbay.Hub.Storage;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a (pooled) connection. In WAL mode,
/// <c>synchronous=NORMAL</c> syncs at checkpoints instead of at every commit: the database is never
/// corrupted, and only the last commits before a power cut (not a process crash) can be lost.
/// That is SQLite's own advice for WAL, and it removes an fsync from every invocation record.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Settings = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Settings;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Settings;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
