using Hangfire.States;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Sees Hangfire give up a job attempt after its last retry for storage faults (the retry filter turns the
/// attempt's failure into a deletion) and hands the job to <see cref="InvocationJob.AbandonAsync"/>, which records
/// it as failed with the reason and delivers its callback, as for any other failure. Without it the job would
/// stay "running" forever once Hangfire deleted the attempt. It must run after the retry filter (<see cref="Order"/>).
/// </summary>
public sealed class StorageRetriesExhausted(JobScheduler scheduler) : IElectStateFilter
{
    /// <summary>After Hangfire's retry filter (order 20), which decides about the deletion.</summary>
    public const int Order = 30;

    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A deletion carrying an exception is the retry filter's; nothing else deletes a running attempt.
        if (context.CandidateState is DeletedState { ExceptionInfo: { } fault } && context.BackgroundJob.Job.Args is [Guid jobId, int attempt, ..])
        {
            scheduler.EnqueueAbandonment(jobId, attempt, fault.Message);
        }
    }
}
