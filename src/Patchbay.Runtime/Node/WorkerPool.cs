using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Patchbay.Runtime.Node;

/// <summary>
/// The workers, one per installed connector and credential domain, started on first use and replaced
/// when they die. A worker serves many concurrent invocations.
/// </summary>
internal sealed class WorkerPool(RuntimeOptions options, string nodeExecutable, string hostFolder, ILogger logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Root, string Domain), Slot> _slots = new();

    public async Task<NodeWorker> GetAsync(string connectorRoot, string credentialDomain, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd((connectorRoot, credentialDomain), key => new Slot(StartInfo(key.Root, key.Domain), logger));
        return await slot.GetAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in _slots.Values)
        {
            await slot.DisposeAsync().ConfigureAwait(false);
        }

        _slots.Clear();
    }

    private WorkerStart StartInfo(string connectorRoot, string credentialDomain)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(connectorRoot + "\n" + credentialDomain)))[..16];
        return new WorkerStart(
            nodeExecutable,
            hostFolder,
            connectorRoot,
            Path.Combine(options.WorkFolder, "platform"),
            Path.Combine(options.WorkFolder, "tmp", key),
            options.MemoryLimitMegabytes,
            options.AllowChildProcesses,
            options.Proxy,
            options.NoProxy,
            options.ExtraCaCertificatesFile is null ? null : Path.GetFullPath(options.ExtraCaCertificatesFile));
    }

    /// <summary>One key's worker: started once, restarted after it died, never two starting at once.</summary>
    private sealed class Slot(WorkerStart start, ILogger logger) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private NodeWorker? _worker;

        public async Task<NodeWorker> GetAsync(CancellationToken cancellationToken)
        {
            if (_worker is { IsAlive: true } current)
            {
                return current;
            }

            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_worker is { IsAlive: true } started)
                {
                    return started;
                }

                if (_worker is not null)
                {
                    await _worker.DisposeAsync().ConfigureAwait(false);
                    WorkerMetrics.Restarts.Add(1);
                }

                _worker = await NodeWorker.StartAsync(start, logger, cancellationToken).ConfigureAwait(false);
                return _worker;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_worker is not null)
            {
                await _worker.DisposeAsync().ConfigureAwait(false);
            }

            _gate.Dispose();
        }
    }
}
