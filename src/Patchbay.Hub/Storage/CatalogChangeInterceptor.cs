using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Patchbay.Hub.Storage;

/// <summary>
/// Empties the <see cref="CatalogReadCache"/> when a save changes what invocations read, and again when a
/// transaction commits (the catalog's writes run in one; a read between its save and its commit still saw the old rows).
/// Set-based deletes bypass the change tracker, but every catalog and configuration change saves an audit record.
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogReadCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Watched =
    [
        typeof(ConnectorRecord), typeof(ConnectorVersionRecord), typeof(EnvironmentRecord),
        typeof(ConnectorConfigRecord), typeof(ParameterValueRecord), typeof(AuditRecord),
    ];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetIfWatched(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetIfWatched(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => cache.Invalidate();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }

    /// <summary>Notes on the context whether this save touches a watched table (after the save the entries are unchanged again).</summary>
    private static void Mark(DbContextEventData eventData)
    {
        if (eventData.Context is HubDb db)
        {
            db.SavesCatalogChange = db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(e.Metadata.ClrType));
        }
    }

    private void ForgetIfWatched(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is HubDb { SavesCatalogChange: true } db)
        {
            db.SavesCatalogChange = false;
            cache.Invalidate();
        }
    }
}
