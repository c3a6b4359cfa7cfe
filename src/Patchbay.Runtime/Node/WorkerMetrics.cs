using System.Diagnostics.Metrics;

namespace Patchbay.Runtime.Node;

/// <summary>The runtime's metrics (meter <c>Patchbay.Runtime</c>); the hub exports them with OpenTelemetry.</summary>
internal static class WorkerMetrics
{
    public const string MeterName = "Patchbay.Runtime";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Workers started in place of one that crashed, hung or was killed.</summary>
    public static readonly Counter<long> Restarts = Meter.CreateCounter<long>(
        "patchbay.runtime.worker.restarts", "{restart}", "Node workers started in place of one that crashed, hung or was killed.");
}
