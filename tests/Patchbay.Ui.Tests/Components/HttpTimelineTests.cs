using Patchbay.Hub.Ui.Console;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The invocation page's HTTP timeline: calls one after the other, widths to scale of their durations.</summary>
public sealed class HttpTimelineTests
{
    [Fact]
    public void Calls_follow_each_other_with_widths_in_proportion_to_their_durations()
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

    private static HttpCallTrace Call(double milliseconds) => new("GET", "https://example.test/", 200, milliseconds, 0, 10);
}
