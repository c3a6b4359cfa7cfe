namespace Patchbay.Hub.Security;

/// <summary>The body of <c>POST /api/v1/keys</c>.</summary>
public sealed record CreateKeyBody(string? Name, string? Role, IReadOnlyList<string>? Connectors);

/// <summary>An API key as listed: never the key itself nor its hash.</summary>
public sealed record KeyView(
    Guid Id,
    string Name,
    string Role,
    IReadOnlyList<string>? Connectors,
    string Prefix,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? RevokedAt);

/// <summary>A key just created: the only answer that ever carries <see cref="Key"/>.</summary>
public sealed record CreatedKeyView(
    Guid Id,
    string Name,
    string Role,
    IReadOnlyList<string>? Connectors,
    string Prefix,
    string Key,
    DateTimeOffset CreatedAt);
