using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

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

    private static async Task<IResult> QueryAsync(HttpContext context, HubDb db)
    {
        var (query, errors) = AuditQuery.Read(context.Request.Query);
        if (query is null)
        {
            return ApiProblems.Invalid("The audit query has a bad parameter.", errors);
        }

        var records = db.Audit.AsNoTracking();
        if (query.Actor is { } actor)
        {
            records = records.Where(a => a.Actor == actor);
        }

        if (query.Action is { } action)
        {
            var below = action + ".";
            records = records.Where(a => a.Action == action || a.Action.StartsWith(below));
        }

        if (query.Target is { } target)
        {
            records = records.Where(a => a.Target.Contains(target));
        }

        if (query.From is { } from)
        {
            records = records.Where(a => a.At >= from);
        }

        if (query.To is { } to)
        {
            records = records.Where(a => a.At < to);
        }

        var total = await records.CountAsync(context.RequestAborted);
        var page = await records
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .ToListAsync(context.RequestAborted);
        var items = page.Select(a => new AuditEntry(a.Id, a.At, a.Actor, a.Action, a.Target, a.Details is null ? null : JsonNode.Parse(a.Details))).ToList();
        return Results.Json(new AuditPage(items, total, query.Paging.Page, query.Paging.PageSize), HubJson.Options);
    }
}

