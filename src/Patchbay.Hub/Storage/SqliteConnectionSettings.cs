using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Patchbay.Hub.Storage;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a (pooled) connection: <c>synchronous</c> is a
/// connection's setting, not the file's, so each connection must be told (<see cref="SqliteSynchronous"/>).
/// </summary>
public sealed class SqliteConnectionSettings(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _settings = Pragma(synchronous);

    /// <summary>The statement that sets <paramref name="synchronous"/> on a connection (also used for the job queue's database).</summary>
    public static string Pragma(SqliteSynchronous synchronous) => synchronous switch
    {
        SqliteSynchronous.Full => "PRAGMA synchronous=FULL;",
        SqliteSynchronous.Normal => "PRAGMA synchronous=NORMAL;",
        _ => throw new ArgumentOutOfRangeException(nameof(synchronous), synchronous, null),
    };

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _settings;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _settings;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
