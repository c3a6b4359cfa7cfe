namespace Patchbay.Bench.Load;

/// <summary>
/// The step load: <see cref="LoadMix"/> offered open loop at rising rates, one step after the other (each step's
/// answers are all in before the next starts), to find where p99 crosses 100 ms and what the hub answers past
/// saturation; then every invocation answered 200 is looked up in the history.
/// </summary>
internal static class StepLoad
{
    public static readonly double[] Rates = [25, 50, 100, 200, 400, 800, 1200, 1600, 2400, 3200, 4800];

    public static async Task RunAsync(TimeSpan stepLength, bool admission, string work, string plots)
    {
        await using var server = await LoadServer.StartAsync();
        await using var hub = await LoadHub.StartAsync(Path.Combine(work, "hub"), server.Url, admission);
        var limits = admission ? $"admission control: {hub.Options.InvocationConcurrency} at once, {hub.Options.InvocationQueueLimit} queued" : "admission control off";
        Console.WriteLine($"step load: {stepLength.TotalSeconds} s per step; {limits}; {Environment.ProcessorCount} cores; load average before: {Soak.LoadAverage()}");
        await OpenLoop.RunAsync(Rates[0], TimeSpan.FromSeconds(5), 1_000_000_000, hub.InvokeAsync); // warm-up, not counted

        var steps = new List<Step>();
        long sequence = 0;
        foreach (var rate in Rates)
        {
            var shots = await OpenLoop.RunAsync(rate, stepLength, sequence, hub.InvokeAsync);
            sequence += shots.Count;
            var answered = shots.Where(s => s.Status == 200).ToList();
            var lastAnswer = answered.Count == 0 ? stepLength.TotalSeconds : answered.Max(s => s.DueSeconds + (s.LatencyMilliseconds / 1000));
            var step = new Step(
                rate,
                shots.Count,
                answered.Count / Math.Max(stepLength.TotalSeconds, lastAnswer),
                OpenLoop.Percentile(answered, 50),
                OpenLoop.Percentile(answered, 99),
                OpenLoop.Percentile(shots.Where(s => s.Status == 503), 99),
                shots.GroupBy(s => s.Status == 0 ? "none" : s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                shots.Count(s => s.Kind.StartsWith("unexpected", StringComparison.Ordinal) || s.Kind.StartsWith("no answer", StringComparison.Ordinal)));
            steps.Add(step);
            Console.WriteLine(step);
            await Task.Delay(TimeSpan.FromSeconds(2)); // let the hub's queues empty between steps
        }

        var (rows, missing) = await hub.CheckHistoryAsync();
        Console.WriteLine($"load average after: {Soak.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| offered /s | sent | answered 200 /s | p50 ms (200) | p99 ms (200) | p99 ms (503) | answers | unexpected |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        steps.ForEach(Console.WriteLine);
        // The step from which p99 stays over 100 ms (a single noisy step below saturation does not count).
        var crossing = steps.Where((s, i) => steps.Skip(i).All(later => later.P99 > 100)).FirstOrDefault();
        var before = crossing is null ? null : steps.TakeWhile(s => s != crossing).LastOrDefault();
        Console.WriteLine(crossing is null
            ? "p99 stayed under 100 ms at every step"
            : $"p99 crosses 100 ms between {before?.Throughput ?? 0:N0}/s (offered {before?.Offered ?? 0:N0}/s, p99 {before?.P99 ?? 0:N1} ms) and {crossing.Throughput:N0}/s (offered {crossing.Offered:N0}/s, p99 {crossing.P99:N1} ms)");
        Console.WriteLine($"history: {rows:N0} rows for {hub.Answered200:N0} invocations answered 200 (warm-up included); not in the history: {missing}");

        Directory.CreateDirectory(plots);
        var suffix = admission ? "" : "-no-admission";
        Plots.StepLatency(steps, Path.Combine(plots, $"step-latency{suffix}.svg"));
        Plots.StepAnswers(steps, Path.Combine(plots, $"step-answers{suffix}.svg"));
        Console.WriteLine($"plots written to {plots}");
    }
}

/// <summary>One step's figures: answered-200 throughput (over the step or until its last answer, whichever is longer) and latencies.</summary>
internal sealed record Step(double Offered, int Sent, double Throughput, double P50, double P99, double RefusedP99, IReadOnlyDictionary<string, int> Statuses, int Unexpected)
{
    public override string ToString() =>
        $"| {Offered:N0} | {Sent:N0} | {Throughput:N0} | {P50:N1} | {P99:N1} | {(double.IsNaN(RefusedP99) ? "" : RefusedP99.ToString("N1", System.Globalization.CultureInfo.InvariantCulture))} | {string.Join(", ", Statuses.Select(s => $"{s.Key}: {s.Value:N0}"))} | {Unexpected} |";
}
