using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Patchbay.Hub.Operations;

/// <summary>
/// The hub's own traces and metrics. Invocations (sync, async attempts, test runs) call
/// <see cref="StartInvocationActivity"/> and <see cref="RecordInvocation"/>; OpenTelemetry exports both
/// (<see cref="TelemetryExtensions"/>). Tags are connector, action and outcome names only, never values.
/// </summary>
public sealed class HubTelemetry : IDisposable
{
    public const string Name = "Patchbay.Hub";

    private readonly ActivitySource _source = new(Name);

    private readonly Counter<long> _invocations;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;

    public HubTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(Name);
        _invocations = Meter.CreateCounter<long>("patchbay.invocations", "{invocation}", "Invocations that ran, by connector, action and outcome.");
        _failures = Meter.CreateCounter<long>("patchbay.invocation.failures", "{invocation}", "Invocations that did not succeed, by connector, action and outcome.");
        _duration = Meter.CreateHistogram<double>("patchbay.invocation.duration", "s", "How long invocations took, by connector, action and outcome.");
    }

    /// <summary>This hub's meter (each hub of a process has its own, made by its <see cref="IMeterFactory"/>).</summary>
    public Meter Meter { get; }

    /// <summary>A span for one invocation, or null when nobody listens; the caller disposes it.</summary>
    public Activity? StartInvocationActivity(string connector, int major, string action, string mode)
    {
        var activity = _source.StartActivity("invoke " + connector + "/" + action);
        activity?.SetTag("patchbay.connector", connector);
        activity?.SetTag("patchbay.connector.major", major);
        activity?.SetTag("patchbay.action", action);
        activity?.SetTag("patchbay.mode", mode);
        return activity;
    }

    /// <summary>Counts one invocation that ran and records its duration; a failure also counts as one.</summary>
    /// <param name="connector">The connector's name.</param>
    /// <param name="action">The action's name.</param>
    /// <param name="outcome">The runtime's outcome name (Succeeded, Timeout, WorkerCrashed, ...).</param>
    /// <param name="duration">How long it took.</param>
    /// <param name="succeeded">Whether the envelope says it succeeded.</param>
    public void RecordInvocation(string connector, string action, string outcome, TimeSpan duration, bool succeeded)
    {
        var tags = new TagList
        {
            { "patchbay.connector", connector },
            { "patchbay.action", action },
            { "patchbay.outcome", outcome },
        };
        _invocations.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
        if (!succeeded)
        {
            _failures.Add(1, tags);
        }

        if (Activity.Current is { } activity && activity.Source == _source)
        {
            activity.SetTag("patchbay.outcome", outcome);
            activity.SetStatus(succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error, succeeded ? null : outcome);
        }
    }

    // The meter belongs to the meter factory, which disposes it.
    public void Dispose() => _source.Dispose();
}
