namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// Where refresh tokens outlive the process: the runtime keeps them in memory
/// (<see cref="InMemoryTokenStore"/>); the hub persists them, encrypted. A rotated refresh token replaces the
/// old one; one rejected by the token endpoint is deleted. A store shared by several runtimes (the hubs of a
/// scale-out) also keeps each connection's current access token, so that one runtime uses the token another
/// obtained instead of asking the token endpoint again (<see cref="IConnectionLock"/> serializes the asking).
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

    /// <summary>The access token another runtime obtained for a connection, fresh or not; null when none is shared.</summary>
    /// <remarks>By default none is: within one process the runtime's own token cache is enough.</remarks>
    ValueTask<StoredAccessToken?> GetAccessTokenAsync(string connection, CancellationToken cancellationToken) => ValueTask.FromResult<StoredAccessToken?>(null);

    /// <summary>Shares the access token this runtime just obtained for a connection; by default it is not shared.</summary>
    ValueTask SaveAccessTokenAsync(string connection, StoredAccessToken token, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
