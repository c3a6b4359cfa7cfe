using Patchbay.Hub.Ui.Console;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The invocation page's HTTP timeline: bars at each call's start, widths to scale of their durations.</summary>
public sealed class HttpTimelineTests
{
    [Fact]
    public void Calls_sit_at_their_starts_so_parallel_calls_overlap()
    {
        var bars = InvocationPayloads.Timeline([Call(50, start: 10), Call(25, start: 10), Call(100, start: 110)]);

        bars.Select(b => (b.LeftPercent, b.WidthPercent)).ShouldBe([(0d, 25d), (0d, 12.5d), (50d, 50d)]);
    }

    [Fact]
    public void Calls_recorded_without_starts_follow_each_other_with_widths_in_proportion_to_their_durations()
    {
        var bars = InvocationPayloads.Timeline([Call(100), Call(300)]);

        bars.Select(b => (b.LeftPercent, b.WidthPercent)).ShouldBe([(0d, 25d), (25d, 75d)]);
    }

    [Fact]
    public void Calls_of_no_duration_share_the_width()
    {
        var bars = InvocationPayloads.Timeline([Call(0), Call(0)]);

        bars.Select(b => b.WidthPercent).ShouldBe([50d, 50d]);
    }

    private static HttpCallTrace Call(double milliseconds, double? start = null) => new("GET", "https://example.test/", 200, milliseconds, 0, 10, start);
}
