using Hangfire;
using Hangfire.Common;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Hangfire's retries of a job attempt that met a storage fault (the database down, the data folder full): the
/// attempt runs again after each of <see cref="HubOptions.StorageRetryDelays"/>, and after the last one the job
/// fails (<see cref="StorageRetriesExhausted"/>) instead of staying "running" once Hangfire deletes the attempt.
/// Our own retry policy (transient outcomes, backoff) is not this: it sees only attempts that ran. A filter
/// provider of this hub's server rather than attributes, so that the schedule comes from the hub's options.
/// </summary>
public sealed class StorageRetries(HubOptions options, JobScheduler scheduler) : IJobFilterProvider
{
    /// <summary>About 50 minutes in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
        [.. new[] { 1, 2, 5, 10, 30, 60, 120, 300, 600, 600, 600, 600 }.Select(s => TimeSpan.FromSeconds(s))];

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Type == typeof(InvocationJob) && job.Method.Name == nameof(InvocationJob.RunAttemptAsync))
        {
            var delays = options.StorageRetryDelays.Select(d => (int)Math.Ceiling(d.TotalSeconds)).ToArray();
            yield return new JobFilter(Retry(delays.Length, delays, AttemptsExceededAction.Delete), JobFilterScope.Method, null);
            yield return new JobFilter(new StorageRetriesExhausted(scheduler), JobFilterScope.Method, StorageRetriesExhausted.Order);
        }
        else if (job.Type == typeof(InvocationJob) && job.Method.Name == nameof(InvocationJob.AbandonAsync))
        {
            // Recording the failure waits for the storage as long as it takes (a week), at the longest delay.
            var longest = (int)Math.Ceiling(options.StorageRetryDelays.DefaultIfEmpty(TimeSpan.FromSeconds(1)).Max().TotalSeconds);
            yield return new JobFilter(Retry((int)(TimeSpan.FromDays(7).TotalSeconds / longest), [longest], AttemptsExceededAction.Delete), JobFilterScope.Method, null);
        }
    }

    /// <summary>
    /// A storage fault is retried; anything else fails the Hangfire job at once (our code has already recorded
    /// the outcome of what it understood). Method scope, so it replaces Hangfire's global default of 10 retries.
    /// </summary>
    private static AutomaticRetryAttribute Retry(int attempts, int[] delays, AttemptsExceededAction exceeded) => new()
    {
        Attempts = attempts,
        DelaysInSeconds = delays,
        OnlyOn = [typeof(StorageFaultException)],
        OnAttemptsExceeded = exceeded,
    };

    /// <summary>A provider of Hangfire's global filters followed by these, for the hub's job server.</summary>
    public IJobFilterProvider WithGlobalFilters() => new JobFilterProviderCollection(JobFilterProviders.Providers, this);
}
