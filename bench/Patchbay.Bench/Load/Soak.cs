using System.Globalization;

namespace Patchbay.Bench.Load;

/// <summary>
/// The soak: <see cref="LoadMix"/> at a steady rate for some minutes through the hub's HTTP API, with memory and
/// Node workers sampled every 5 s, latency percentiles per minute, answers counted by kind, and at the end every
/// invocation answered 200 looked up in the history. Writes the tables to the console and the plots to
/// <c>docs/perf</c>.
/// </summary>
internal static class Soak
{
    public const double PerSecond = 50;

    public static async Task RunAsync(double minutes, string work, string plots)
    {
        await using var server = await LoadServer.StartAsync();
        await using var hub = await LoadHub.StartAsync(Path.Combine(work, "hub"), server.Url, admission: true);
        Console.WriteLine($"soak: {minutes} min at {PerSecond}/s open loop; {Environment.ProcessorCount} cores; load average before: {LoadAverage()}");
        Console.WriteLine($"admission control: {hub.Options.InvocationConcurrency} at once, {hub.Options.InvocationQueueLimit} queued");
        await OpenLoop.RunAsync(PerSecond, TimeSpan.FromSeconds(5), 1_000_000_000, hub.InvokeAsync); // warm-up, not counted
        var warmUp = await hub.CheckHistoryAsync();

        using var stop = new CancellationTokenSource();
        var sampling = ProcessSampler.RunAsync(TimeSpan.FromSeconds(5), stop.Token);
        var shots = await OpenLoop.RunAsync(PerSecond, TimeSpan.FromMinutes(minutes), 0, hub.InvokeAsync);
        await stop.CancelAsync();
        var samples = await sampling;
        var (rows, missing) = await hub.CheckHistoryAsync();
        Console.WriteLine($"load average after: {LoadAverage()}");

        Console.WriteLine();
        Console.WriteLine($"sent {shots.Count:N0}, answered {shots.Count(s => s.Status != 0):N0}");
        Console.WriteLine("| answer | count |");
        Console.WriteLine("|---|---|");
        foreach (var kind in shots.GroupBy(s => s.Kind).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"| {kind.Key} | {kind.Count():N0} |");
        }

        Console.WriteLine($"history: {rows:N0} rows ({warmUp.Rows:N0} of them from the warm-up) for {hub.Answered200:N0} invocations answered 200; not in the history: {missing}");

        var perMinute = shots.GroupBy(s => (int)(s.DueSeconds / 60)).OrderBy(g => g.Key)
            .Select(g => new MinuteLatency(g.Key + 1, g.Count(), OpenLoop.Percentile(g, 50), OpenLoop.Percentile(g, 95), OpenLoop.Percentile(g, 99), g.Max(s => s.LatencyMilliseconds)))
            .ToList();
        Console.WriteLine();
        Console.WriteLine("| minute | requests | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        perMinute.ForEach(m => Console.WriteLine($"| {m.Minute} | {m.Requests:N0} | {m.P50:N1} | {m.P95:N1} | {m.P99:N1} | {m.Max:N0} |"));

        Console.WriteLine();
        Console.WriteLine("| minute | working set MB | GC heap MB | Node workers | Node RSS MB |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var s in samples.Where((_, i) => i % 12 == 0 || i == samples.Count - 1))
        {
            Console.WriteLine($"| {s.Minutes:N1} | {s.WorkingSetMegabytes:N0} | {s.GcHeapMegabytes:N0} | {s.NodeWorkers} | {s.NodeMegabytes:N0} |");
        }

        Directory.CreateDirectory(plots);
        await File.WriteAllLinesAsync(Path.Combine(plots, "soak-samples.csv"), [
            "minutes,working_set_mb,gc_heap_mb,node_workers,node_rss_mb",
            .. samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Minutes:0.00},{s.WorkingSetMegabytes:0.0},{s.GcHeapMegabytes:0.0},{s.NodeWorkers},{s.NodeMegabytes:0.0}")),
        ]);
        Plots.SoakMemory(samples, Path.Combine(plots, "soak-memory.svg"));
        Plots.SoakLatency(perMinute, Path.Combine(plots, "soak-latency.svg"));
        Console.WriteLine($"plots and samples written to {plots}");
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>Latency percentiles of the requests due in one minute.</summary>
internal sealed record MinuteLatency(int Minute, int Requests, double P50, double P95, double P99, double Max);
