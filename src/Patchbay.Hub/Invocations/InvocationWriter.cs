using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// Writes invocation records with group commit: records that finish while a save is running wait for it and go
/// together in the next one (one transaction, one round trip), so a busy hub commits far fewer times than it
/// invokes. Each caller still gets its answer only once its own record is durable.
/// </summary>
public sealed class InvocationWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly Task _loop;

    public InvocationWriter(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _loop = Task.Run(SaveLoopAsync);
    }

    /// <summary>Completes when the record is saved; fails with the database's error when it could not be.</summary>
    public Task WriteAsync(InvocationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(InvocationWriter), "The hub is stopping; the invocation was not recorded.");
        }

        return pending.Saved.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false); // what was queued is still saved
    }

    private async Task SaveLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await SaveAsync(batch).ConfigureAwait(false);
                batch.ForEach(p => p.Saved.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad record must not fail the others: save them one by one, each with its own outcome.
                foreach (var pending in batch)
                {
                    await SaveAloneAsync(pending).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                batch[0].Saved.TrySetException(e);
            }

            batch.Clear();
        }
    }

    private async Task SaveAloneAsync(Pending pending)
    {
        try
        {
            await SaveAsync([pending]).ConfigureAwait(false);
            pending.Saved.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Saved.TrySetException(e);
        }
    }

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        db.Invocations.AddRange(batch.Select(p => p.Record));
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private sealed record Pending(InvocationRecord Record, TaskCompletionSource Saved);
}
