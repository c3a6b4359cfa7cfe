using System.Diagnostics;

namespace Patchbay.Bench;

/// <summary>Throughput and latency of one scenario at one concurrency.</summary>
internal sealed record Measurement(string Scenario, int Concurrency, int Calls, double CallsPerSecond, double P50Microseconds, double P99Microseconds)
{
    /// <summary>Runs <paramref name="call"/> <paramref name="calls"/> times from <paramref name="concurrency"/> loops at once.</summary>
    public static async Task<Measurement> RunAsync(string scenario, int concurrency, int calls, Func<Task> call)
    {
        for (var i = 0; i < Math.Min(200, calls); i++)
        {
            await call(); // warm-up: JIT, worker start, module caches
        }

        var latencies = new double[calls];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
        }));
        total.Stop();
        Array.Sort(latencies);
        return new Measurement(scenario, concurrency, calls, calls / total.Elapsed.TotalSeconds, latencies[calls / 2], latencies[(int)(calls * 0.99)]);
    }

    public override string ToString() =>
        $"| {Scenario} | {Concurrency} | {CallsPerSecond,10:N0} | {P50Microseconds,8:N0} | {P99Microseconds,8:N0} |";
}
