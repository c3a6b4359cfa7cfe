using System.Globalization;
using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>The query of <c>GET /api/v1/invocations</c>, parsed and checked: each bad value is named by its parameter.</summary>
public sealed record HistoryFilter
{
    public const int MaxPageSize = 200;

    public string? Connector { get; init; }
    public string? Action { get; init; }
    public string? Environment { get; init; }
    public bool? Success { get; init; }
    public string? Outcome { get; init; }
    public string? Caller { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public Guid? JobId { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public static (HistoryFilter? Filter, IReadOnlyList<ProblemError> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ProblemError>();
        string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

        T? Parsed<T>(string name, Func<string, T?> parse, string expected)
            where T : struct
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                errors.Add(ProblemError.Field("query." + name, expected));
            }

            return value;
        }

        var filter = new HistoryFilter
        {
            Connector = Text("connector"),
            Action = Text("action"),
            Environment = Text("environment"),
            Caller = Text("caller"),
            Success = Parsed<bool>("status", s => s switch { "succeeded" => true, "failed" => false, _ => null }, "Either succeeded or failed."),
            Outcome = Parsed<InvocationOutcome>("outcome", s => Enum.TryParse<InvocationOutcome>(s, ignoreCase: true, out var o) && !int.TryParse(s, out _) ? o : null, "One of " + string.Join(", ", Enum.GetNames<InvocationOutcome>()) + ".")?.ToString(),
            From = Parsed<DateTimeOffset>("from", Instant, "An ISO 8601 date or instant (2026-11-29 or 2026-11-29T10:00:00Z)."),
            To = Parsed<DateTimeOffset>("to", Instant, "An ISO 8601 date or instant (2026-11-29 or 2026-11-29T10:00:00Z)."),
            JobId = Parsed<Guid>("jobId", s => Guid.TryParse(s, out var g) ? g : null, "A job id (a GUID)."),
            Page = Parsed<int>("page", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : null, "A whole number from 1.") ?? 1,
            PageSize = Parsed<int>("pageSize", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= MaxPageSize ? p : null, $"A whole number from 1 to {MaxPageSize}.") ?? 50,
        };
        return errors.Count > 0 ? (null, errors) : (filter, errors);
    }

    /// <summary>The rows this filter keeps, newest first.</summary>
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() here is translated to SQL lower(), not run in .NET
    public IQueryable<InvocationRecord> Apply(IQueryable<InvocationRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Connector is not null)
        {
            var connector = Connector.ToLowerInvariant();
            rows = rows.Where(i => i.ConnectorName.ToLower() == connector);
        }

        if (Action is not null)
        {
            rows = rows.Where(i => i.Action == Action);
        }

        if (Environment is not null)
        {
            var environment = Environment.ToLowerInvariant();
            rows = rows.Where(i => i.Environment != null && i.Environment.ToLower() == environment);
        }

        if (Success is { } success)
        {
            rows = rows.Where(i => i.Success == success);
        }

        if (Outcome is not null)
        {
            rows = rows.Where(i => i.Outcome == Outcome);
        }

        if (Caller is not null)
        {
            rows = rows.Where(i => i.Caller == Caller);
        }

        if (From is { } from)
        {
            rows = rows.Where(i => i.StartedAt >= from);
        }

        if (To is { } to)
        {
            rows = rows.Where(i => i.StartedAt < to);
        }

        if (JobId is { } jobId)
        {
            rows = rows.Where(i => i.JobId == jobId);
        }

        return rows.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id);
    }
#pragma warning restore CA1304, CA1311, CA1862

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) ? instant : null;
}
