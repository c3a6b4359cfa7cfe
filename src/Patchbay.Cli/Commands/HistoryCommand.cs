using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Cli.Hub;

namespace Patchbay.Cli.Commands;

/// <summary><c>patchbay history</c>: a hub's recent invocations as a table (or JSON); <c>history show &lt;id&gt;</c>: one in full.</summary>
internal static class HistoryCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var connector = new Option<string?>("--connector") { Description = "Only this connector." };
        var action = new Option<string?>("--action") { Description = "Only this action." };
        var environment = new Option<string?>("--env") { Description = "Only this environment." };
        var status = new Option<string?>("--status") { Description = "succeeded or failed." };
        status.AcceptOnlyFromAmong("succeeded", "failed");
        var since = new Option<string?>("--since") { Description = "Only since: a duration back from now (90s, 30m, 1h, 2d) or a date/instant (2026-11-29, 2026-11-29T10:00:00Z)." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (1-200).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON instead of a table." };
        var hub = new HubConnection();
        var command = new Command("history", "List a hub's recent invocations (admin and operator keys).") { connector, action, environment, status, since, limit, json };
        hub.AddTo(command);
        command.Subcommands.Add(CreateShow(context));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = new List<string> { "pageSize=" + parse.GetValue(limit).ToString(CultureInfo.InvariantCulture) };
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            Add("connector", parse.GetValue(connector));
            Add("action", parse.GetValue(action));
            Add("environment", parse.GetValue(environment));
            Add("status", parse.GetValue(status));
            Add("from", parse.GetValue(since) is { } text ? Since(text, TimeProvider.System).ToString("O", CultureInfo.InvariantCulture) : null);

            using var client = hub.Connect(parse);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/invocations?" + string.Join('&', query), UriKind.Relative));
            var page = await client.SendForJsonAsync(request, cancellationToken) as JsonObject ?? throw new UserErrorException("The hub answered nothing.");
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(page.ToJsonString(Indented));
                return ExitCodes.Success;
            }

            PrintTable(context.Output, page["items"]?.AsArray() ?? []);
            context.Error.WriteLine($"{page["items"]?.AsArray().Count ?? 0} of {page["total"]} invocation(s).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateShow(CliContext context)
    {
        var id = new Argument<Guid>("id") { Description = "The invocation id (Patchbay-Invocation-Id, or the history's ID column)." };
        var hub = new HubConnection();
        var command = new Command("show", "Print one invocation in full: inputs, envelope, logs and HTTP calls (secrets masked).") { id };
        hub.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = hub.Connect(parse);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/invocations/{parse.GetValue(id)}", UriKind.Relative));
            var detail = await client.SendForJsonAsync(request, cancellationToken);
            context.Output.WriteLine(detail?.ToJsonString(Indented));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"90s", "30m", "1h", "2d" back from now, or a date or instant.</summary>
    internal static DateTimeOffset Since(string text, TimeProvider time)
    {
        var units = new Dictionary<char, double> { ['s'] = 1, ['m'] = 60, ['h'] = 3600, ['d'] = 86400 };
        if (text.Length > 1 && units.TryGetValue(text[^1], out var unit)
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            return time.GetUtcNow().AddSeconds(-amount * unit);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new UserErrorException($"--since '{text}' is neither a duration (30m, 1h, 2d) nor a date (2026-11-29).");
    }

    private static void PrintTable(TextWriter output, JsonArray items)
    {
        string[] header = ["STARTED (UTC)", "CONNECTOR", "ACTION", "ENV", "STATUS", "OUTCOME", "MS", "CALLER", "ID"];
        var rows = items.OfType<JsonObject>().Select(i => new[]
        {
            i["startedAt"]!.GetValue<DateTimeOffset>().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            i["connector"]?.ToString() ?? "",
            i["action"]?.ToString() ?? "",
            i["environment"]?.ToString() ?? "(test)",
            i["success"]?.GetValue<bool>() == true ? "succeeded" : "failed",
            i["outcome"]?.ToString() ?? "",
            i["durationMs"]?.GetValue<double>().ToString("0", CultureInfo.InvariantCulture) ?? "",
            i["caller"]?.ToString() ?? "",
            i["id"]?.ToString() ?? "",
        }).ToList();
        var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Prepend(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }
}
