using System.Globalization;
using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Operations;

/// <summary>The filters and page of <c>GET /api/v1/audit</c>, read from the query string; each bad value names its parameter.</summary>
public sealed record AuditQuery(string? Actor, string? Action, string? Target, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (AuditQuery? Query, IReadOnlyList<ProblemError> Errors) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ProblemError>();
        var from = Instant(query, "from", errors);
        var to = Instant(query, "to", errors);
        var page = Number(query, "page", 1, 1, int.MaxValue / MaxPageSize, errors);
        var pageSize = Number(query, "pageSize", DefaultPageSize, 1, MaxPageSize, errors);
        if (from is not null && to is not null && from > to)
        {
            errors.Add(ProblemError.Field("query.from", "Must not be later than 'to'."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AuditQuery(Text(query, "actor"), Text(query, "action"), Text(query, "target"), from, to, page, pageSize), errors);
    }

    private static string? Text(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } value ? value : null;

    private static DateTimeOffset? Instant(IQueryCollection query, string name, List<ProblemError> errors)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors.Add(ProblemError.Field("query." + name, $"'{text}' is not an ISO 8601 date and time (for example 2026-01-31T12:00:00Z)."));
        return null;
    }

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max, List<ProblemError> errors)
    {
        if (Text(query, name) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(ProblemError.Field("query." + name, $"A whole number from {min} to {max}."));
        return fallback;
    }
}
