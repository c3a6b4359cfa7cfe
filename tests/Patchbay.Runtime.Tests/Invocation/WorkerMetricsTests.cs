using System.Diagnostics.Metrics;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Node;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Invocation;

public sealed class WorkerMetricsTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    [Fact]
    public async Task A_worker_that_dies_and_is_replaced_counts_as_a_restart()
    {
        var connector = new TestConnector { Name = "Mortal " + Guid.NewGuid().ToString("N")[..6] }
            .Invoke("ok", "callback(RESPONSE({ ok: true }, null, 200));")
            .Invoke("exit", "process.exit(3);")
            .Build();
        long restarts = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WorkerMetrics.MeterName && instrument.Name == "patchbay.runtime.worker.restarts")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref restarts, value));
        listener.Start();
        (await fixture.Runtime.RunAsync(connector, "ok")).Outcome.ShouldBe(InvocationOutcome.Succeeded);
        var before = Interlocked.Read(ref restarts);

        (await fixture.Runtime.RunAsync(connector, "exit")).Outcome.ShouldBe(InvocationOutcome.WorkerCrashed);
        (await fixture.Runtime.RunAsync(connector, "ok")).Outcome.ShouldBe(InvocationOutcome.Succeeded);

        // Other test classes may crash workers at the same time: this one's restart is at least one more.
        Interlocked.Read(ref restarts).ShouldBeGreaterThanOrEqualTo(before + 1);
    }
}
