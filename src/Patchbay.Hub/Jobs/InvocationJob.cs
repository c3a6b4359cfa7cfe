using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// One attempt of an async job, run by Hangfire. Our retry policy (transient outcomes, backoff) decides about
/// another attempt, so Hangfire retries only what our policy cannot see: an attempt that met a storage fault (the
/// database down, the data folder full) runs again later instead of failing the job. An attempt Hangfire runs again
/// (after such a fault, or after its hub died) does not invoke again when that attempt is already recorded, and
/// two runs of one attempt in a hub take turns (<see cref="JobAttemptGuard"/>).
/// </summary>
public sealed partial class InvocationJob(HubDb db, InvocationService invocations, JobScheduler scheduler, CallbackHandOff callbacks, JobAttemptGuard guard, HubOptions options, TimeProvider time, ILogger<InvocationJob> logger)
{
    /// <summary>One attempt; Hangfire runs it again after a storage fault, as <see cref="StorageRetries"/> says.</summary>
    public async Task RunAttemptAsync(Guid jobId, int attempt, CancellationToken cancellationToken)
    {
        using var turn = await guard.EnterAsync(jobId, cancellationToken);
        try
        {
            await RunAsync(jobId, attempt, cancellationToken);
        }
        catch (Exception e) when (StorageFaults.Find(e, options.DataFolder) is { } fault)
        {
            LogStorageFault(logger, e, jobId, attempt, fault.Detail);
            throw new StorageFaultException(fault, e); // Hangfire runs the attempt again (or, storage gone with it, after its lease)
        }
    }

    /// <summary>
    /// Fails a job whose attempt <paramref name="attempt"/> met storage faults through every retry and that Hangfire
    /// gave up (<see cref="StorageRetriesExhausted"/>), saying why, and delivers its callback like any other
    /// failure. Hangfire retries this too while the storage is still unavailable (<see cref="StorageRetries"/>).
    /// </summary>
    public async Task AbandonAsync(Guid jobId, int attempt, string lastFault, CancellationToken cancellationToken)
    {
        try
        {
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
            if (job is null || JobStates.IsFinished(job.State) || job.Attempts > attempt)
            {
                return; // purged, finished after all, or a later attempt already started
            }

            LogAbandoned(logger, jobId, attempt, lastFault);
            job.FailureReason = $"The hub's storage stayed unavailable through every retry of attempt {attempt}, so the attempt was given up. Last fault: {lastFault}";
            await FinishAsync(job, JobStates.Failed);
        }
        catch (Exception e) when (StorageFaults.Find(e, options.DataFolder) is { } fault)
        {
            throw new StorageFaultException(fault, e);
        }
    }

    private async Task RunAsync(Guid jobId, int attempt, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || JobStates.IsFinished(job.State) || job.Attempts > attempt)
        {
            return; // purged, finished, or a later attempt already started
        }

        var recorded = await db.Invocations.AsNoTracking().FirstOrDefaultAsync(i => i.JobId == jobId && i.Attempt == attempt, cancellationToken);
        if (recorded is null)
        {
            job.State = JobStates.Running;
            job.Attempts = attempt;
            await db.SaveChangesAsync(cancellationToken);

            InvocationAnswer? answer;
            InvocationRefusal? refusal;
            try
            {
                (answer, refusal) = await invocations.InvokeAsync(JobRequest.Parse(job.RequestJson).ToCommand(job, attempt), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && StorageFaults.Find(e, options.DataFolder) is null)
            {
                // Hangfire does not retry (our policy decides), so a job must not stay "running" after a fault.
                LogFault(logger, e, jobId, attempt);
                await FinishAsync(job, JobStates.Failed);
                return;
            }

            if (refusal is not null)
            {
                LogRefused(logger, jobId, attempt, refusal.Detail);
                await FinishAsync(job, JobStates.Failed);
                return;
            }

            recorded = await db.Invocations.AsNoTracking().FirstAsync(i => i.Id == answer!.InvocationId, CancellationToken.None);
        }

        job.InvocationId = recorded.Id;
        if (recorded.Success)
        {
            await FinishAsync(job, JobStates.Succeeded);
        }
        else if (InvocationAnswers.IsTransient(recorded) && attempt < job.MaxAttempts)
        {
            job.State = JobStates.Queued;
            await db.SaveChangesAsync(CancellationToken.None);
            scheduler.EnqueueAttempt(jobId, attempt + 1, JobScheduler.Backoff(job.BackoffSeconds, attempt));
        }
        else
        {
            await FinishAsync(job, JobStates.Failed);
        }
    }

    private async Task FinishAsync(JobRecord job, string state)
    {
        job.State = state;
        job.CompletedAt = time.GetUtcNow();
        job.CallbackState = job.CallbackUrl is null ? null : JobStates.CallbackPending;
        await db.SaveChangesAsync(CancellationToken.None);
        if (job.CallbackUrl is not null)
        {
            await callbacks.HandOffAsync(job.Id, CancellationToken.None); // if the hub stops before this, the sweep hands it off
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} attempt {Attempt} failed in the hub")]
    private static partial void LogFault(ILogger logger, Exception exception, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} met a storage fault and runs again later: {Reason}")]
    private static partial void LogStorageFault(ILogger logger, Exception exception, Guid jobId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} attempt {Attempt} met storage faults through every retry; the job fails: {LastFault}")]
    private static partial void LogAbandoned(ILogger logger, Guid jobId, int attempt, string lastFault);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid jobId, int attempt, string reason);
}
