using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Operations;

/// <summary>The filters and page of <c>GET /api/v1/audit</c>, read from the query string; each bad value names its parameter.</summary>
public sealed record AuditQuery(string? Actor, string? Action, string? Target, DateTimeOffset? From, DateTimeOffset? To, Paging Paging)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (AuditQuery? Query, IReadOnlyList<ProblemError> Errors) Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var (from, to) = reader.TimeRange();
        var audit = new AuditQuery(reader.Text("actor"), reader.Text("action"), reader.Text("target"), from, to, reader.Paging(DefaultPageSize, MaxPageSize));
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (audit, reader.Errors);
    }
}
