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
    /// Bars of a timeline, in percent of its width, placed at each call's start. Traces recorded before starts were
    /// kept have only the order and durations: there each bar starts where the previous one ended.
    /// </summary>
    public static IReadOnlyList<TimelineBar> Timeline(IReadOnlyList<HttpCallTrace> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var starts = calls.All(c => c.StartMilliseconds is not null)
            ? calls.Select(c => Math.Max(c.StartMilliseconds!.Value, 0)).ToList()
            : Sequential(calls);
        var ends = calls.Select((c, i) => starts[i] + Duration(c)).ToList();
        var origin = starts.DefaultIfEmpty(0).Min();
        var span = ends.DefaultIfEmpty(0).Max() - origin;
        return calls.Select((call, i) => span > 0
            ? new TimelineBar(call, (starts[i] - origin) / span * 100, Duration(call) / span * 100)
            : new TimelineBar(call, 0, 100.0 / calls.Count)).ToList();
    }

    private static List<double> Sequential(IReadOnlyList<HttpCallTrace> calls)
    {
        var starts = new List<double>(calls.Count);
        var at = 0d;
        foreach (var call in calls)
        {
            starts.Add(at);
            at += Duration(call);
        }

        return starts;
    }

    private static double Duration(HttpCallTrace call) => Math.Max(call.DurationMilliseconds, 0);
}

/// <summary>One HTTP call on a timeline: where its bar starts and how wide it is, in percent.</summary>
public sealed record TimelineBar(HttpCallTrace Call, double LeftPercent, double WidthPercent);
