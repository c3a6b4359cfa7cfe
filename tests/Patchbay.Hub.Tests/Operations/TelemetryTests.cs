using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Operations;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

public sealed class TelemetryTests(SqliteHub hub) : HubTests(hub), IClassFixture<SqliteHub>
{
    [Fact]
    public void Invocations_are_counted_timed_and_failures_counted_by_connector_action_and_outcome()
    {
        var telemetry = Hub.Hub.Services.GetRequiredService<HubTelemetry>();
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == telemetry.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Add((i.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Add((i.Name, value, Tags(tags))));
        listener.Start();

        telemetry.RecordInvocation("GitHub", "get-issue", "Succeeded", TimeSpan.FromMilliseconds(120), succeeded: true);
        telemetry.RecordInvocation("GitHub", "get-issue", "Timeout", TimeSpan.FromSeconds(30), succeeded: false);

        measurements.Count(m => m.Instrument == "patchbay.invocations").ShouldBe(2);
        var failure = measurements.Single(m => m.Instrument == "patchbay.invocation.failures");
        failure.Value.ShouldBe(1);
        failure.Tags["patchbay.connector"].ShouldBe("GitHub");
        failure.Tags["patchbay.action"].ShouldBe("get-issue");
        failure.Tags["patchbay.outcome"].ShouldBe("Timeout");
        measurements.Where(m => m.Instrument == "patchbay.invocation.duration").Select(m => m.Value).ShouldBe([0.12, 30], ignoreOrder: true);
    }

    [Fact]
    public void An_invocation_span_carries_its_connector_action_and_outcome()
    {
        var telemetry = Hub.Hub.Services.GetRequiredService<HubTelemetry>();
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HubTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using (telemetry.StartInvocationActivity("Jira", 2, "create-issue", "sync"))
        {
            telemetry.RecordInvocation("Jira", "create-issue", "RemoteHttpError", TimeSpan.FromMilliseconds(5), succeeded: false);
        }

        var span = stopped.Single(a => a.GetTagItem("patchbay.connector") as string == "Jira");
        span.GetTagItem("patchbay.action").ShouldBe("create-issue");
        span.GetTagItem("patchbay.connector.major").ShouldBe(2);
        span.GetTagItem("patchbay.outcome").ShouldBe("RemoteHttpError");
        span.Status.ShouldBe(ActivityStatusCode.Error);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            copy[key] = value;
        }

        return copy;
    }
}
