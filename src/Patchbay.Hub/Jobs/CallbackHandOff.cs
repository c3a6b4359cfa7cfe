using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Hands a finished job's callback to Hangfire, then marks it <see cref="JobStates.CallbackQueued"/>. A callback
/// still <see cref="JobStates.CallbackPending"/> a while after its job ended was never handed off (its hub
/// stopped in between), and <see cref="CallbackSweep"/> hands it off again. A hub that stops after the hand-off
/// but before the mark causes a second delivery: callbacks are delivered at least once.
/// </summary>
public sealed class CallbackHandOff(HubDb db, JobScheduler scheduler)
{
    public async Task HandOffAsync(Guid jobId, CancellationToken cancellationToken)
    {
        scheduler.EnqueueCallback(jobId);
        // Only while still pending: the delivery may already have run on another worker and stored its outcome.
        await db.Jobs.Where(j => j.Id == jobId && j.CallbackState == JobStates.CallbackPending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CallbackState, JobStates.CallbackQueued), cancellationToken);
    }
}
