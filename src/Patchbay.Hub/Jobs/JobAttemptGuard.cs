namespace Patchbay.Hub.Jobs;

/// <summary>
/// Lets one run of a job at a time go on in this hub. Hangfire may hand one attempt to two workers of a hub at once
/// (its SQLite storage takes a job again when it thinks the lease ran out, and its fetch is not atomic); the second
/// run waits here for the first and then finds the attempt recorded or the job finished, instead of invoking again.
/// It waits rather than returning, so its claim on Hangfire's queue stays until the first run is done.
/// </summary>
public sealed class JobAttemptGuard
{
    private readonly Dictionary<Guid, Gate> _gates = [];

    public async Task<IDisposable> EnterAsync(Guid jobId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(jobId, out gate!))
            {
                gate = new Gate();
                _gates.Add(jobId, gate);
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Leave(jobId, gate);
            throw;
        }

        return new Entered(this, jobId, gate);
    }

    private void Leave(Guid jobId, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(jobId);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Entered(JobAttemptGuard guard, Guid jobId, Gate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Semaphore.Release();
                guard.Leave(jobId, gate);
            }
        }
    }
}
