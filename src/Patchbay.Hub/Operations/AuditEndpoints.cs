using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Operations;

/// <summary><c>GET /api/v1/audit</c>: who changed what and when, newest first. Admin only.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", QueryAsync)
            .RequireAuthorization(Policies.Administer)
            .WithTags("Audit")
            .WithName("QueryAudit")
            .WithSummary("Audit records newest first, filtered by actor, action (exact, or a prefix such as 'key'), target (contains) and time range [from, to).")
            .Produces<AuditPage>();
        return api;
    }

    private static async Task<IResult> QueryAsync(HttpContext context, AuditReader audit)
    {
        var (query, errors) = AuditQuery.Read(context.Request.Query);
        return query is null
            ? ApiProblems.Invalid("The audit query has a bad parameter.", errors)
            : Results.Json(await audit.QueryAsync(query, context.RequestAborted), HubJson.Options);
    }
}
