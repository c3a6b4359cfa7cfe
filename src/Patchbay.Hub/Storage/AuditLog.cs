using System.Text.Json;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Storage;

/// <summary>
/// Adds an audit record to the change being saved, so the record and the change commit together or not at
/// all. Details name what changed, never a secret value.
/// </summary>
public static class AuditLog
{
    public static void Record(HubDb db, Caller actor, string action, string target, object? details, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Record(db, actor.Name, action, target, details, time);
    }

    /// <summary>Records what an actor did who is no longer the caller (the person who started an OAuth authorization, at its redirect).</summary>
    public static void Record(HubDb db, string actor, string action, string target, object? details, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        db.Audit.Add(new AuditRecord
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details, HubJson.Options),
        });
    }
}
