using System.Text.Json.Nodes;

namespace Patchbay.Hub.Operations;

/// <summary>One page of audit records and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, int Page, int PageSize);

/// <summary>One audit record: details name what changed, never a secret value.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, JsonNode? Details);
