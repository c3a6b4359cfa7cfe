using Hangfire;

namespace Patchbay.Hub.Jobs;

/// <summary>Puts job attempts and callbacks on Hangfire's queue of this hub's job storage (never Hangfire's static one).</summary>
public sealed class JobScheduler(IBackgroundJobClient client)
{
    /// <summary>The longest wait between two attempts, whatever the backoff doubles to.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(24);

    public void EnqueueAttempt(Guid jobId, int attempt, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            client.Enqueue<InvocationJob>(j => j.RunAttemptAsync(jobId, attempt, CancellationToken.None));
        }
        else
        {
            client.Schedule<InvocationJob>(j => j.RunAttemptAsync(jobId, attempt, CancellationToken.None), delay);
        }
    }

    /// <summary>Records a job failed whose attempt Hangfire gave up after its last retry for storage faults.</summary>
    public void EnqueueAbandonment(Guid jobId, int attempt, string lastFault) =>
        client.Enqueue<InvocationJob>(j => j.AbandonAsync(jobId, attempt, lastFault, CancellationToken.None));

    public void EnqueueCallback(Guid jobId) =>
        client.Enqueue<CallbackJob>(c => c.DeliverAsync(jobId, null, CancellationToken.None));

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: backoff × 2^(attempt−1), at most <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int backoffSeconds, int attempt) =>
        TimeSpan.FromSeconds(Math.Min(backoffSeconds * Math.Pow(2, attempt - 1), MaxBackoff.TotalSeconds));
}
