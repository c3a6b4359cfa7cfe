using System.Security.Claims;

namespace Patchbay.Hub.Security;

/// <summary>Who is calling: the API key behind the request, as the authentication handler found it.</summary>
public sealed record Caller(Guid KeyId, string Name, string Role, IReadOnlySet<string>? Connectors)
{
    public const string KeyIdClaim = "patchbay:key";
    public const string ConnectorsClaim = "patchbay:connectors";

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Whether this caller may invoke the named connector (invokers may be limited to some).</summary>
    public bool MayInvoke(string connectorName) =>
        Connectors is null || Connectors.Contains(connectorName.ToLowerInvariant());

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(KeyIdClaim) ?? throw new InvalidOperationException("The request is not authenticated with an API key.");
        var connectors = user.FindFirstValue(ConnectorsClaim);
        return new Caller(
            Guid.Parse(id),
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            connectors is null ? null : ApiKeys.ParseConnectors(connectors));
    }
}
