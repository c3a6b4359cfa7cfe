using Microsoft.Extensions.Diagnostics.HealthChecks;
using Patchbay.Runtime.Node;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Whether Node.js (the hub's <see cref="HubOptions.NodePath"/>, version 20 or newer) can run connector code.
/// Starting <c>node --version</c> costs tens of milliseconds, so a result is kept for <see cref="CacheFor"/>.
/// </summary>
public sealed class NodeHealthCheck(HubOptions options, TimeProvider time) : IHealthCheck, IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _probe = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset Until)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } fresh && fresh.Until > time.GetUtcNow())
        {
            return fresh.Result;
        }

        await _probe.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } probedMeanwhile && probedMeanwhile.Until > time.GetUtcNow())
            {
                return probedMeanwhile.Result;
            }

            var result = await ProbeAsync(cancellationToken);
            _last = (result, time.GetUtcNow() + CacheFor);
            return result;
        }
        finally
        {
            _probe.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await NodeLocator.LocateAsync(options.NodePath, cancellationToken);
            return HealthCheckResult.Healthy($"Node.js {NodeLocator.MinimumMajorVersion} or newer is available.");
        }
        catch (NodeUnavailableException e)
        {
            // The health endpoints are anonymous: the reason (with host paths) goes to the log, not the answer.
            return HealthCheckResult.Unhealthy($"Node.js {NodeLocator.MinimumMajorVersion} or newer is not available; the hub's log says why.", e);
        }
    }

    public void Dispose() => _probe.Dispose();
}
