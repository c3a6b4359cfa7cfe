namespace Patchbay.Hub.Security;

/// <summary>The body of <c>POST /api/v1/users</c>.</summary>
public sealed record CreateUserBody(string? Name, string? Password, string? Role, IReadOnlyList<string>? Connectors);

/// <summary>The body of <c>POST /api/v1/users/{id}/password</c>.</summary>
public sealed record SetPasswordBody(string? Password);

/// <summary>A user account as listed: never the password nor its hash.</summary>
public sealed record UserView(
    Guid Id,
    string Name,
    string Role,
    IReadOnlyList<string>? Connectors,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? RevokedAt,
    string? RevokedBy);
