using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Operations;

/// <summary>Reads the audit log a page at a time; the API and the Management Console both read through here.</summary>
public sealed class AuditReader(HubDb db)
{
    /// <summary>The records the query keeps, newest first: actor exact, action exact or a dotted prefix, target contains, time in [from, to).</summary>
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
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

        var total = await records.CountAsync(cancellationToken);
        var page = await records
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(query.Paging.Skip).Take(query.Paging.PageSize)
            .ToListAsync(cancellationToken);
        var items = page.Select(a => new AuditEntry(a.Id, a.At, a.Actor, a.Action, a.Target, a.Details is null ? null : JsonNode.Parse(a.Details))).ToList();
        return new AuditPage(items, total, query.Paging.Page, query.Paging.PageSize);
    }
}
