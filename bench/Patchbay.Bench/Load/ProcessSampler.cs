using System.Diagnostics;
using System.Globalization;

namespace Patchbay.Bench.Load;

/// <summary>One sample of this process (hub, load generator and item server together) and its Node workers.</summary>
internal sealed record ProcessSample(double Minutes, double WorkingSetMegabytes, double GcHeapMegabytes, int NodeWorkers, double NodeMegabytes);

/// <summary>
/// Samples memory every few seconds: this process's working set and GC heap, and the Node workers (child
/// processes named <c>node</c>, read from <c>/proc</c>: Linux only) with their resident memory.
/// </summary>
internal static class ProcessSampler
{
    public static async Task<List<ProcessSample>> RunAsync(TimeSpan every, CancellationToken stop)
    {
        var samples = new List<ProcessSample>();
        var start = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(every);
        do
        {
            samples.Add(Take(Stopwatch.GetElapsedTime(start).TotalMinutes));
        }
        while (await Next(timer, stop));

        samples.Add(Take(Stopwatch.GetElapsedTime(start).TotalMinutes));
        return samples;
    }

    public static ProcessSample Take(double minutes)
    {
        using var self = Process.GetCurrentProcess();
        var workers = NodeChildren(Environment.ProcessId).ToList();
        return new ProcessSample(
            minutes,
            self.WorkingSet64 / 1048576.0,
            GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0,
            workers.Count,
            workers.Sum(ResidentKilobytes) / 1024.0);
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static IEnumerable<int> NodeChildren(int parent)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || !TryRead(Path.Combine(folder, "stat"), out var stat))
            {
                continue;
            }

            // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (name == "node" && int.Parse(rest[1], CultureInfo.InvariantCulture) == parent)
            {
                yield return pid;
            }
        }
    }

    private static long ResidentKilobytes(int pid) =>
        TryRead($"/proc/{pid}/status", out var status)
            ? status.Split('\n').Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault()
            : 0;

    private static bool TryRead(string path, out string text)
    {
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = ""; // the process ended between the listing and the read
            return false;
        }
    }
}
