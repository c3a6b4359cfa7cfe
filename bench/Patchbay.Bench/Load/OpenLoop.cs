using System.Diagnostics;

namespace Patchbay.Bench.Load;

/// <summary>One request of an open-loop run: when it was due, how long its answer took from then, and what it was.</summary>
internal sealed record Shot(double DueSeconds, double LatencyMilliseconds, string Kind, int Status);

/// <summary>
/// An open-loop load: requests go out at fixed intervals whether or not earlier ones have been answered (as
/// independent callers do), and each latency counts from when the request was due, so a generator that falls
/// behind does not hide the wait (no coordinated omission).
/// </summary>
internal static class OpenLoop
{
    public static async Task<List<Shot>> RunAsync(double perSecond, TimeSpan duration, long firstSequence, Func<long, Task<(string Kind, int Status)>> send)
    {
        var count = (long)(perSecond * duration.TotalSeconds);
        var shots = new List<Task<Shot>>((int)count);
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < count; i++)
        {
            var due = i / perSecond;
            var wait = due - Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }

            var sequence = firstSequence + i;
            shots.Add(Task.Run(async () =>
            {
                var (kind, status) = await send(sequence);
                return new Shot(due, (Stopwatch.GetElapsedTime(start).TotalSeconds - due) * 1000, kind, status);
            }));
        }

        return [.. await Task.WhenAll(shots)];
    }

    /// <summary>The nearest-rank percentile of latencies in milliseconds (NaN when there are none).</summary>
    public static double Percentile(IEnumerable<Shot> shots, double percent)
    {
        var sorted = shots.Select(s => s.LatencyMilliseconds).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
