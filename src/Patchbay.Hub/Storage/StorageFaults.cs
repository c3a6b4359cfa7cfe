using Microsoft.Data.Sqlite;
using Npgsql;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Storage;

/// <summary>
/// Recognises the failures of the hub's storage that are no fault of the request: a database server that is
/// unreachable or shutting down, a data folder that is full or read-only. Services let these exceptions through;
/// the API's edge answers them as a 503 or 507 problem naming the cause (<c>Operations/StorageFaultMiddleware</c>),
/// never as an empty 500. Anything else is not a storage fault and stays a bug.
/// </summary>
public static class StorageFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int DiskFullSqlState = 53100;

    /// <summary>How long a caller is asked to wait before trying again after a storage fault.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The storage fault anywhere in the exception's chain (EF wraps the provider's), or null when it is none.</summary>
    /// <param name="exception">What a request or job met.</param>
    /// <param name="dataFolder">The hub's data folder, probed when SQLite reports only an I/O error (to say full or read-only).</param>
    public static StorageFault? Find(Exception exception, string dataFolder)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Classify(e, dataFolder) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    private static StorageFault? Classify(Exception e, string dataFolder) => e switch
    {
        SqliteException { SqliteErrorCode: SqliteFull } => Full,
        IOException io => DataFolderCheck.Classify(io) switch
        {
            DataFolderProblem.Full => Full,
            DataFolderProblem.ReadOnly => ReadOnly,
            _ => null,
        },
        SqliteException { SqliteErrorCode: SqliteIoError or SqliteCannotOpen or SqliteReadOnly } => DataFolderCheck.Probe(dataFolder).Problem switch
        {
            DataFolderProblem.Full => Full,
            DataFolderProblem.ReadOnly or DataFolderProblem.NotPermitted => ReadOnly,
            _ => new(StatusCodesFor.ServiceUnavailable, "The hub cannot read or write its database file; nothing was stored. Try again later."),
        },
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => new(StatusCodesFor.ServiceUnavailable, "The hub's database is busy; nothing was stored. Try again later."),
        PostgresException { SqlState: var state } when state == DiskFullSqlState.ToString(System.Globalization.CultureInfo.InvariantCulture) =>
            new(StatusCodesFor.InsufficientStorage, "The hub's PostgreSQL server has no disk space left; nothing was stored."),
        PostgresException { SqlState: ['0', '8', ..] or ['5', '3', ..] or ['5', '7', 'P', ..] } or NpgsqlException { IsTransient: true } => DatabaseDown,
        _ => null,
    };

    private static StorageFault Full => new(StatusCodesFor.InsufficientStorage, "The hub's data folder has no space left; nothing was stored. Free space and try again.");

    private static StorageFault ReadOnly => new(StatusCodesFor.ServiceUnavailable, "The hub's data folder is read-only; nothing was stored. Make it writable and try again.");

    private static StorageFault DatabaseDown => new(StatusCodesFor.ServiceUnavailable, "The hub's PostgreSQL database is unavailable; nothing was stored. Try again later.");
}

/// <summary>A storage fault as the API answers it: 503 (unavailable, read-only) or 507 (out of space), and why.</summary>
public sealed record StorageFault(int Status, string Detail);

/// <summary>A storage fault met by background work (a job attempt), carried to Hangfire so it runs the work again later.</summary>
public sealed class StorageFaultException(StorageFault fault, Exception inner) : Exception(fault.Detail, inner)
{
    public StorageFault Fault { get; } = fault;
}
