using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Api;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Ui.Console;

/// <summary>
/// The payloads of a recorded invocation, read back for people: JSON indented, the log lines and HTTP calls as
/// the recorder wrote them (secrets were masked before they were stored).
/// </summary>
public static class InvocationPayloads
{
    private static readonly JsonSerializerOptions Indented = new(HubJson.Options) { WriteIndented = true };

    /// <summary>The JSON indented, or null when none was recorded.</summary>
    public static string? Format(string? json) => json is null ? null : JsonNode.Parse(json)?.ToJsonString(Indented) ?? "null";

    public static IReadOnlyList<InvocationLogLine> Logs(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<InvocationLogLine>>(json, HubJson.Options) ?? [];

    public static IReadOnlyList<HttpCallTrace> HttpCalls(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<HttpCallTrace>>(json, HubJson.Options) ?? [];

    /// <summary>
    /// Bars of a timeline, in percent of its width. The recorded trace has the calls' order and durations but no
    /// start times, so each bar starts where the previous one ended: the widths are to scale, the gaps are not known.
    /// </summary>
    public static IReadOnlyList<TimelineBar> Timeline(IReadOnlyList<HttpCallTrace> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var total = calls.Sum(c => Math.Max(c.DurationMilliseconds, 0));
        var bars = new List<TimelineBar>(calls.Count);
        var start = 0d;
        foreach (var call in calls)
        {
            var duration = Math.Max(call.DurationMilliseconds, 0);
            bars.Add(new TimelineBar(call, total > 0 ? start / total * 100 : 0, total > 0 ? duration / total * 100 : 100.0 / calls.Count));
            start += duration;
        }

        return bars;
    }
}

/// <summary>One HTTP call on a timeline: where its bar starts and how wide it is, in percent.</summary>
public sealed record TimelineBar(HttpCallTrace Call, double LeftPercent, double WidthPercent);
