using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Patchbay.Hub.Storage;

/// <summary>
/// Runs a read-then-write change in a serializable transaction, retried when a concurrent change wins, so that
/// what a change checked still holds when it commits: two simultaneous uploads of one major never leave two
/// current versions, two simultaneous revocations never leave no admin key. SQLite serializes the writers
/// (BEGIN IMMEDIATE); PostgreSQL lets one fail with a serialization failure or a unique violation, and the
/// retry then reads what the other committed.
/// </summary>
internal static class SerializedWrite
{
    private const int MaxAttempts = 8;

    public static async Task<T> RunAsync<T>(HubDb db, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            try
            {
                var result = await write();
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsLostRace(e))
            {
                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear(); // nothing half-made stays tracked for a later save of this context
                throw;
            }
        }
    }

    /// <summary>Serialization failure, deadlock, or a unique key another writer took first.</summary>
    private static bool IsLostRace(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
