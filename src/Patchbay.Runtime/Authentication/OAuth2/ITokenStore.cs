namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// Where refresh tokens outlive the process: the runtime keeps them in memory
/// (<see cref="InMemoryTokenStore"/>); the hub persists them, encrypted. A rotated refresh token replaces the
/// old one; one rejected by the token endpoint is deleted.
/// </summary>
/// <remarks>
/// Keys have the form <c>connector-guid/major-version/credential-domain/parameters-hash</c>; the hash covers
/// every Authentication parameter value, so a connection whose parameters change starts afresh.
/// </remarks>
public interface ITokenStore
{
    /// <summary>The refresh token of a connection, or null when it has none.</summary>
    ValueTask<string?> GetRefreshTokenAsync(string connection, CancellationToken cancellationToken);

    /// <summary>Keeps (or replaces) the refresh token of a connection.</summary>
    ValueTask SaveRefreshTokenAsync(string connection, string refreshToken, CancellationToken cancellationToken);

    /// <summary>Forgets a connection's refresh token (the token endpoint rejected it).</summary>
    ValueTask DeleteRefreshTokenAsync(string connection, CancellationToken cancellationToken);
}
