using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>The query of <c>GET /api/v1/invocations</c>, parsed and checked: each bad value is named by its parameter.</summary>
public sealed record HistoryFilter
{
    public const int DefaultPageSize = 50;
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
    public Paging Paging { get; init; } = new(1, DefaultPageSize);

    public static (HistoryFilter? Filter, IReadOnlyList<ProblemError> Errors) Parse(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var (from, to) = reader.TimeRange();
        var filter = new HistoryFilter
        {
            Connector = reader.Text("connector"),
            Action = reader.Text("action"),
            Environment = reader.Text("environment"),
            Caller = reader.Text("caller"),
            Success = reader.Parsed<bool>("status", s => s switch { "succeeded" => true, "failed" => false, _ => null }, "Either succeeded or failed."),
            Outcome = reader.Parsed<InvocationOutcome>("outcome", s => Enum.TryParse<InvocationOutcome>(s, ignoreCase: true, out var o) && !int.TryParse(s, out _) ? o : null, "One of " + string.Join(", ", Enum.GetNames<InvocationOutcome>()) + ".")?.ToString(),
            From = from,
            To = to,
            JobId = reader.Parsed<Guid>("jobId", s => Guid.TryParse(s, out var g) ? g : null, "A job id (a GUID)."),
            Paging = reader.Paging(DefaultPageSize, MaxPageSize),
        };
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (filter, reader.Errors);
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
}
