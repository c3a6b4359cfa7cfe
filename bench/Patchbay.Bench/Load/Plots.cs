using ScottPlot;

namespace Patchbay.Bench.Load;

/// <summary>The soak's and the step load's plots, as SVG files for docs/performance.md (ScottPlot).</summary>
internal static class Plots
{
    private const int Width = 900;
    private const int Height = 420;

    public static void SoakMemory(IReadOnlyList<ProcessSample> samples, string path)
    {
        var plot = new Plot();
        var minutes = samples.Select(s => s.Minutes).ToArray();
        Line(plot, minutes, samples.Select(s => s.WorkingSetMegabytes).ToArray(), "working set (MB)");
        Line(plot, minutes, samples.Select(s => s.GcHeapMegabytes).ToArray(), "GC heap (MB)");
        Line(plot, minutes, samples.Select(s => s.NodeMegabytes).ToArray(), "Node workers' RSS (MB)");
        var workers = Line(plot, minutes, samples.Select(s => (double)s.NodeWorkers).ToArray(), "Node workers (right axis)");
        workers.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Node workers";
        plot.Axes.SetLimitsY(0, Math.Max(4, samples.Max(s => s.NodeWorkers) * 2), plot.Axes.Right);
        plot.Axes.SetLimitsY(0, samples.Max(s => Math.Max(s.WorkingSetMegabytes, s.NodeMegabytes)) * 1.6, plot.Axes.Left); // room for the legend
        plot.Axes.Left.Label.Text = "MB";
        plot.Axes.Bottom.Label.Text = "minutes";
        plot.Title("Soak: memory of the hub process and its Node workers");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SaveSvg(path, Width, Height);
    }

    public static void SoakLatency(IReadOnlyList<MinuteLatency> minutes, string path)
    {
        var plot = new Plot();
        var x = minutes.Select(m => (double)m.Minute).ToArray();
        Line(plot, x, minutes.Select(m => m.P50).ToArray(), "p50");
        Line(plot, x, minutes.Select(m => m.P95).ToArray(), "p95");
        Line(plot, x, minutes.Select(m => m.P99).ToArray(), "p99");
        plot.Axes.SetLimitsY(0, minutes.Max(m => m.P99) * 1.4); // room for the legend
        plot.Axes.Left.Label.Text = "latency (ms)";
        plot.Axes.Bottom.Label.Text = "minute";
        plot.Title("Soak: latency percentiles per minute");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SaveSvg(path, Width, Height);
    }

    /// <summary>p50 and p99 of the 200 answers and p99 of the 503s per offered rate, on a log scale (past saturation latencies grow by orders of magnitude).</summary>
    public static void StepLatency(IReadOnlyList<Step> steps, string path)
    {
        var plot = new Plot();
        var offered = steps.Select(s => s.Offered).ToArray();
        Line(plot, offered, steps.Select(s => Math.Log10(Math.Max(0.1, s.P50))).ToArray(), "p50 (200 answers)");
        Line(plot, offered, steps.Select(s => Math.Log10(Math.Max(0.1, s.P99))).ToArray(), "p99 (200 answers)");
        var refused = steps.Where(s => !double.IsNaN(s.RefusedP99)).ToList();
        if (refused.Count > 0)
        {
            Line(plot, refused.Select(s => s.Offered).ToArray(), refused.Select(s => Math.Log10(Math.Max(0.1, s.RefusedP99))).ToArray(), "p99 (503 answers)");
        }

        var limit = plot.Add.HorizontalLine(2, 1, Colors.Red, LinePattern.Dashed);
        limit.LegendText = "100 ms";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Axes.Left.Label.Text = "latency (ms, log scale)";
        plot.Axes.Bottom.Label.Text = "offered invocations per second (open loop)";
        plot.Title("Step load: latency per offered rate");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SaveSvg(path, Width, Height);
    }

    public static void StepAnswers(IReadOnlyList<Step> steps, string path)
    {
        var plot = new Plot();
        var offered = steps.Select(s => s.Offered).ToArray();
        Line(plot, offered, offered, "offered");
        Line(plot, offered, steps.Select(s => s.Throughput).ToArray(), "answered 200 per second");
        Line(plot, offered, steps.Select(s => s.Statuses.GetValueOrDefault("503") / (s.Sent / s.Offered)).ToArray(), "answered 503 per second");
        plot.Axes.Left.Label.Text = "per second";
        plot.Axes.Bottom.Label.Text = "offered invocations per second (open loop)";
        plot.Title("Step load: what the hub answered");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SaveSvg(path, Width, Height);
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] x, double[] y, string label)
    {
        var line = plot.Add.Scatter(x, y);
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = 5;
        return line;
    }
}
