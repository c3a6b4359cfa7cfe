using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// Reads the invocation history: one page of a filter, or one invocation for a caller. The API and the
/// Management Console both read through here, so a filter means the same in both.
/// </summary>
public sealed class InvocationHistory(HubDb db)
{
    /// <summary>The page of rows the filter keeps, newest first, and how many it keeps in all.</summary>
    public async Task<HistoryPage> ListAsync(HistoryFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = filter.Apply(db.Invocations.AsNoTracking());
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.Skip(filter.Paging.Skip).Take(filter.Paging.PageSize).ToListAsync(cancellationToken);
        return new HistoryPage([.. page.Select(InvocationSummary.From)], total, filter.Paging.Page, filter.Paging.PageSize);
    }

    /// <summary>One invocation, or null when there is none or <paramref name="caller"/> may not read it (history readers read all, others their own).</summary>
    public async Task<InvocationRecord?> FindAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var record = await db.Invocations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return record is not null && OwnOrHistory.MayRead(caller, record.Caller) ? record : null;
    }
}
