using Microsoft.Extensions.Logging;
using Patchbay.Runtime;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Runtime;

/// <summary>
/// The hub's one <see cref="ConnectorRuntime"/>. Platform settings (proxy, CAs, default timeout) are
/// runtime options, fixed when a runtime starts; <see cref="ReconfigureAsync"/> swaps in a runtime with the
/// new ones, and the old one is disposed once the invocations already running on it are done.
/// </summary>
public sealed class RuntimeHost(ILoggerFactory loggerFactory, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim _swap = new(1, 1);
    private Lease? _current;

    /// <summary>The options the current runtime runs with.</summary>
    public RuntimeOptions Options => _current?.Options ?? throw new InvalidOperationException("The runtime has not started.");

    public async Task StartAsync(RuntimeOptions options, CancellationToken cancellationToken) =>
        await ReconfigureAsync(options, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs one invocation on the current runtime.</summary>
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var lease = Acquire();
        try
        {
            return await lease.Runtime.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The current runtime, for what needs it beyond invoking (the OAuth authorization flow).</summary>
    public ConnectorRuntime Current => _current?.Runtime ?? throw new InvalidOperationException("The runtime has not started.");

    /// <summary>Starts a runtime with new options and retires the old one.</summary>
    /// <exception cref="Patchbay.Runtime.Node.NodeUnavailableException">Node.js is missing or too old.</exception>
    public async Task ReconfigureAsync(RuntimeOptions options, CancellationToken cancellationToken)
    {
        await _swap.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var runtime = await ConnectorRuntime.CreateAsync(options, time, loggerFactory, cancellationToken).ConfigureAwait(false);
            var old = Interlocked.Exchange(ref _current, new Lease(runtime, options));
            if (old is not null)
            {
                await old.RetireAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _swap.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        var old = Interlocked.Exchange(ref _current, null);
        if (old is not null)
        {
            await old.RetireAsync().ConfigureAwait(false);
        }

        _swap.Dispose();
    }

    private Lease Acquire()
    {
        while (true)
        {
            var lease = _current ?? throw new InvalidOperationException("The runtime has not started.");
            if (lease.TryEnter())
            {
                return lease;
            }
        }
    }

    /// <summary>A runtime and the count of invocations running on it; disposed when retired and idle.</summary>
    private sealed class Lease(ConnectorRuntime runtime, RuntimeOptions options)
    {
        private int _users = 1; // the host's own reference, dropped on retirement

        public ConnectorRuntime Runtime { get; } = runtime;

        public RuntimeOptions Options { get; } = options;

        public bool TryEnter()
        {
            while (true)
            {
                var users = Volatile.Read(ref _users);
                if (users == 0)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _users, users + 1, users) == users)
                {
                    return true;
                }
            }
        }

        public ValueTask ReleaseAsync() => Interlocked.Decrement(ref _users) == 0 ? Runtime.DisposeAsync() : ValueTask.CompletedTask;

        public ValueTask RetireAsync() => ReleaseAsync();
    }
}
