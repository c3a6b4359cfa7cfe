using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// Per connector over a recent window: invocations per time bucket, success rate and latency percentiles.
/// The database only filters the window (the same query on SQLite and PostgreSQL); counting and percentiles
/// happen here, over at most <see cref="MaxRows"/> rows, so a busy hub cannot make the dashboard unbounded.
/// </summary>
public sealed class InvocationStats(HubDb db, TimeProvider time)
{
    /// <summary>The newest rows of a window that are counted; a report says when there were more.</summary>
    public const int MaxRows = 100_000;

    public async Task<StatsReport> ComputeAsync(StatsWindow window, CancellationToken cancellationToken)
    {
        var (length, bucket) = Shape(window);
        var now = time.GetUtcNow();
        var to = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % bucket.Ticks), TimeSpan.Zero) + bucket;
        var from = to - length;
        var rows = await db.Invocations.AsNoTracking()
            .Where(i => i.StartedAt >= from && i.StartedAt < to)
            .OrderByDescending(i => i.StartedAt)
            .Take(MaxRows + 1)
            .Select(i => new Row(i.ConnectorName, i.StartedAt, i.DurationMilliseconds, i.Success))
            .ToListAsync(cancellationToken);
        var truncated = rows.Count > MaxRows;
        var buckets = (int)(length / bucket);
        var connectors = rows.Take(MaxRows)
            .GroupBy(r => r.Connector, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, [.. g], from, bucket, buckets))
            .OrderBy(c => c.Connector, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new StatsReport(
            window.ToString().ToLowerInvariant(),
            from,
            to,
            (int)bucket.TotalMinutes,
            [.. Enumerable.Range(0, buckets).Select(b => from + (bucket * b))],
            connectors,
            truncated);
    }

    /// <summary>How long a window is and how wide its buckets are: 60 of a minute, 48 of half an hour, 28 of six hours.</summary>
    public static (TimeSpan Length, TimeSpan Bucket) Shape(StatsWindow window) => window switch
    {
        StatsWindow.Hour => (TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)),
        StatsWindow.Day => (TimeSpan.FromDays(1), TimeSpan.FromMinutes(30)),
        StatsWindow.Week => (TimeSpan.FromDays(7), TimeSpan.FromHours(6)),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>The nearest-rank percentile of ascending <paramref name="sorted"/> values; 0 when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static ConnectorStats Summarize(string connector, List<Row> rows, DateTimeOffset from, TimeSpan bucket, int buckets)
    {
        var perBucket = new int[buckets];
        foreach (var row in rows)
        {
            perBucket[Math.Clamp((int)((row.StartedAt - from) / bucket), 0, buckets - 1)]++;
        }

        var durations = rows.Select(r => r.DurationMilliseconds).Order().ToList();
        var succeeded = rows.Count(r => r.Success);
        return new ConnectorStats(
            connector,
            rows.Count,
            succeeded,
            (double)succeeded / rows.Count,
            Percentile(durations, 50),
            Percentile(durations, 95),
            Percentile(durations, 99),
            perBucket);
    }

    private sealed record Row(string Connector, DateTimeOffset StartedAt, double DurationMilliseconds, bool Success);
}

/// <summary>The windows the dashboard offers.</summary>
public enum StatsWindow
{
    Hour,
    Day,
    Week,
}

/// <summary>
/// Statistics of the window [from, to): bucket starts, and per connector its counts per bucket. The window ends at
/// the end of the current bucket, so the last bucket is still filling.
/// </summary>
public sealed record StatsReport(
    string Window,
    DateTimeOffset From,
    DateTimeOffset To,
    int BucketMinutes,
    IReadOnlyList<DateTimeOffset> Buckets,
    IReadOnlyList<ConnectorStats> Connectors,
    bool Truncated);

/// <summary>One connector's invocations in a window: how many, how many succeeded, latency percentiles (ms, nearest rank), and counts per bucket.</summary>
public sealed record ConnectorStats(
    string Connector,
    int Invocations,
    int Succeeded,
    double SuccessRate,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    IReadOnlyList<int> PerBucket);
