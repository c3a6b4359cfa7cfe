using System.Security.Claims;

namespace Patchbay.Hub.Security;

/// <summary>Whether a caller signed in with an API key or a user account.</summary>
public enum CallerKind
{
    Key,
    User,
}

/// <summary>
/// Who is calling: the API key behind the request, or the user account behind a UI session, as authentication
/// found it. <see cref="KeyId"/> is the key's or the account's id (both are unique Guids).
/// </summary>
public sealed record Caller(Guid KeyId, string Name, string Role, IReadOnlySet<string>? Connectors, CallerKind Kind = CallerKind.Key)
{
    public const string KeyIdClaim = "patchbay:key";
    public const string ConnectorsClaim = "patchbay:connectors";

    /// <summary>"user" for a user account's session; absent for an API key (so older sessions read as keys).</summary>
    public const string KindClaim = "patchbay:kind";

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Whether this caller may invoke the named connector (invokers may be limited to some).</summary>
    public bool MayInvoke(string connectorName) =>
        Connectors is null || Connectors.Contains(connectorName.ToLowerInvariant());

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(KeyIdClaim) ?? throw new InvalidOperationException("The request is not authenticated with an API key or a user account.");
        var connectors = user.FindFirstValue(ConnectorsClaim);
        return new Caller(
            Guid.Parse(id),
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            connectors is null ? null : ApiKeys.ParseConnectors(connectors),
            user.FindFirstValue(KindClaim) == "user" ? CallerKind.User : CallerKind.Key);
    }

    /// <summary>The claims every part of the hub reads a caller from, for a key or a user account alike.</summary>
    public static ClaimsPrincipal Principal(Guid id, string name, string role, string? connectors, CallerKind kind, string scheme)
    {
        var claims = new List<Claim>
        {
            new(KeyIdClaim, id.ToString()),
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role),
        };
        if (connectors is not null)
        {
            claims.Add(new Claim(ConnectorsClaim, connectors));
        }

        if (kind == CallerKind.User)
        {
            claims.Add(new Claim(KindClaim, "user"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
