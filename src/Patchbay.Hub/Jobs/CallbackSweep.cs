using Hangfire;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Hands off again the callbacks that were never handed to Hangfire: finished jobs whose callback is still
/// pending <see cref="Grace"/> after the job ended, because their hub stopped between storing the outcome and
/// the hand-off. Runs every minute as a Hangfire recurring job, which the hubs of a scale-out share.
/// </summary>
public sealed class CallbackSweep(HubDb db, CallbackHandOff handOff, TimeProvider time)
{
    public const string RecurringJobId = "patchbay-callback-sweep";

    /// <summary>Far longer than the moment between a job's end and its hand-off, so a live hub's callback is never taken over.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>At most this many per run; the next run takes the rest.</summary>
    private const int Batch = 500;

    /// <returns>How many callbacks were handed off again.</returns>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)] // a manual trigger and the schedule must not hand the same callback off twice
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Grace;
        var lost = await db.Jobs.AsNoTracking()
            .Where(j => j.CallbackState == JobStates.CallbackPending && j.CompletedAt < cutoff)
            .OrderBy(j => j.CompletedAt)
            .Select(j => j.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var jobId in lost)
        {
            await handOff.HandOffAsync(jobId, cancellationToken);
        }

        return lost.Count;
    }
}
