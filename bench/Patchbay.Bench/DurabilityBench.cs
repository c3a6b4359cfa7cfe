using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Storage;

namespace Patchbay.Bench;

/// <summary>
/// What an fsync per commit costs: two SQLite hubs in this process, one with <c>synchronous=NORMAL</c> and one with
/// <c>FULL</c>, each with its data folder on the same disk, take the same sync invoke load in turns (NORMAL first
/// in odd rounds, FULL first in even ones, so a change in the machine's other work falls on both), and each row is
/// printed with the load average of the moment. The summary compares the medians of the rounds.
/// </summary>
internal static class DurabilityBench
{
    private static readonly SqliteSynchronous[] Modes = [SqliteSynchronous.Normal, SqliteSynchronous.Full];

    public static async Task RunAsync(ConnectorPackage trivial, string work, int calls, int rounds, int[] concurrencies)
    {
        Console.WriteLine($"data folders under {work}; load average at start: {LoadAverage()}");
        var hubs = new Dictionary<SqliteSynchronous, BenchHub>();
        try
        {
            foreach (var mode in Modes)
            {
                hubs[mode] = await BenchHub.StartAsync(new HubOptions { DataFolder = Path.Combine(work, "hub-" + mode), SqliteSynchronous = mode }, trivial);
            }

            var rows = new List<(SqliteSynchronous Mode, Measurement Row)>();
            Console.WriteLine();
            Console.WriteLine("| round | synchronous | concurrency | calls/s | p50 µs | p99 µs | load average |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var c in concurrencies)
                {
                    foreach (var mode in round % 2 == 1 ? Modes : Enumerable.Reverse(Modes))
                    {
                        var row = await hubs[mode].MeasureInvokeAsync($"Hub HTTP API (SQLite {mode})", c, calls);
                        rows.Add((mode, row));
                        Console.WriteLine($"| {round} | {mode} | {c} | {row.CallsPerSecond,8:N0} | {row.P50Microseconds,8:N0} | {row.P99Microseconds,8:N0} | {LoadAverage()} |");
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine("Medians over the rounds, FULL over NORMAL:");
            Console.WriteLine("| concurrency | NORMAL calls/s | FULL calls/s | throughput | NORMAL p50 µs | FULL p50 µs | p50 | NORMAL p99 µs | FULL p99 µs | p99 |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var c in concurrencies)
            {
                var normal = Medians(rows, SqliteSynchronous.Normal, c);
                var full = Medians(rows, SqliteSynchronous.Full, c);
                Console.WriteLine($"| {c} | {normal.Rate:N0} | {full.Rate:N0} | {full.Rate / normal.Rate:P0} | {normal.P50:N0} | {full.P50:N0} | {full.P50 / normal.P50:0.00}x | {normal.P99:N0} | {full.P99:N0} | {full.P99 / normal.P99:0.00}x |");
            }

            Console.WriteLine($"load average at end: {LoadAverage()}");
        }
        finally
        {
            foreach (var hub in hubs.Values)
            {
                await hub.DisposeAsync();
            }
        }
    }

    private static (double Rate, double P50, double P99) Medians(List<(SqliteSynchronous Mode, Measurement Row)> rows, SqliteSynchronous mode, int concurrency)
    {
        var mine = rows.Where(r => r.Mode == mode && r.Row.Concurrency == concurrency).Select(r => r.Row).ToList();
        return (Median(mine.Select(r => r.CallsPerSecond)), Median(mine.Select(r => r.P50Microseconds)), Median(mine.Select(r => r.P99Microseconds)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux); the machine's other work is part of every figure.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg", System.Text.Encoding.ASCII).Split(' ').Take(3)) : "n/a";
}
