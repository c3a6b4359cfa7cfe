using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>Reads a job's status with the answer of its last attempt once it is done.</summary>
public sealed class JobStatusReader(HubDb db)
{
    public async Task<JobStatus> ReadAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        InvocationAnswer? result = null;
        if (JobStates.IsFinished(job.State) && job.InvocationId is { } invocationId
            && await db.Invocations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invocationId, cancellationToken) is { } last)
        {
            result = InvocationAnswers.FromRecord(last);
        }

        return new JobStatus(job.Id, job.State, job.Attempts, job.MaxAttempts, job.CreatedAt, job.CompletedAt, job.InvocationId, result, JobStates.ShownCallbackState(job.CallbackState), job.FailureReason);
    }
}
