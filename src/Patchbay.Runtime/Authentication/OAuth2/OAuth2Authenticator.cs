namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// The built-in OAuth 2.0 method with Bizagi's rules (bizagi-compat §4.3) and the token lifecycle:
/// cached tokens, single-flight renewal, refresh tokens kept (and rotated) in an <see cref="ITokenStore"/>,
/// and, when the store is shared by several runtimes, access tokens renewed once across all of them.
/// </summary>
internal sealed class OAuth2Authenticator(HttpClient http, TimeProvider time, ITokenStore store, IConnectionLock connectionLock)
{
    private readonly TokenEndpoint _endpoint = new(http, time);

    public TokenCache Cache { get; } = new(time);

    public TokenEndpoint Endpoint => _endpoint;

    public ITokenStore Store => store;

    public async Task<AuthenticationSession> AuthenticateAsync(AuthenticationRequest request, AuthParameters parameters, ConnectionKey key, CancellationToken cancellationToken)
    {
        if (parameters.Get("response_type") is not null)
        {
            return AuthenticationSession.Failed(AuthenticationFailure.Invalid("AUTH.INVALID_RESPONSE_TYPE",
                "response_type is not allowed, permitted flows are: [Client Credentials Grant, Resource Owner Password Credentials, Authorization Code Grant, Refresh Token]"));
        }

        if (parameters.Get("access_token") is { } given)
        {
            var token = new CachedToken(given, parameters.Get("token_type") ?? "bearer", null, time.GetUtcNow(), null,
                new Dictionary<string, string> { ["access_token"] = given, ["token_type"] = parameters.Get("token_type") ?? "bearer" });
            return new OAuth2Session(null, key, token, parameters);
        }

        var (client, failure) = OAuth2Client.From(request.Connector.Authentication, parameters);
        if (failure is not null)
        {
            return AuthenticationSession.Failed(failure);
        }

        var outcome = await Cache.GetAsync(key, (current, ct) => RenewSharedAsync(client!, key, current, rejected: null, ct), cancellationToken).ConfigureAwait(false);
        return outcome.Token is { } obtained
            ? new OAuth2Session(new Renewer(this, client!), key, obtained, parameters)
            : AuthenticationSession.Failed(outcome.Failure!);
    }

    /// <summary>
    /// Renews under the connection's lock, reading the store first: another runtime may have renewed while
    /// this one waited, and its token is then used (unless it is the one the API just refused). A store that
    /// shares access tokens also has the authoritative refresh token (rotations saved, refusals deleted), so
    /// the renewal then takes it from there rather than from this runtime's older token.
    /// </summary>
    private async Task<TokenOutcome> RenewSharedAsync(OAuth2Client client, ConnectionKey key, CachedToken? current, string? rejected, CancellationToken cancellationToken)
    {
        var connection = key.ToString();
        var held = await connectionLock.AcquireAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var stored = (await store.GetAccessTokenAsync(connection, cancellationToken).ConfigureAwait(false))?.ToCached();
            if (stored is not null && stored.AccessToken != rejected && stored.IsFresh(time.GetUtcNow()))
            {
                return TokenOutcome.Of(stored);
            }

            var outcome = await RenewAsync(client, key, stored is null ? current : null, cancellationToken).ConfigureAwait(false);
            if (outcome.Token is { } token)
            {
                await store.SaveAccessTokenAsync(connection, StoredAccessToken.From(token), cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }
    }

    /// <summary>
    /// Gets a new token: with the refresh token when there is one (the cached token's, else the stored one,
    /// else the configured one), otherwise by running the grant again; a person-authorized connection
    /// without a usable refresh token needs reconnecting.
    /// </summary>
    private async Task<TokenOutcome> RenewAsync(OAuth2Client client, ConnectionKey key, CachedToken? current, CancellationToken cancellationToken)
    {
        var connection = key.ToString();
        var refreshToken = current?.RefreshToken
            ?? await store.GetRefreshTokenAsync(connection, cancellationToken).ConfigureAwait(false)
            ?? (client.Grant == OAuth2Client.RefreshTokenGrant ? client.RefreshToken : null);
        if (refreshToken is not null)
        {
            var refreshed = await _endpoint.RefreshAsync(client, refreshToken, cancellationToken).ConfigureAwait(false);
            if (refreshed.Token is { } token)
            {
                if (token.RefreshToken is { } kept && kept != refreshToken)
                {
                    await store.SaveRefreshTokenAsync(connection, kept, cancellationToken).ConfigureAwait(false); // rotated
                }

                return refreshed;
            }

            if (refreshed.Failure!.IsTransient)
            {
                return refreshed;
            }

            await store.DeleteRefreshTokenAsync(connection, cancellationToken).ConfigureAwait(false);
            if (client.NeedsReconnect)
            {
                return refreshed;
            }
        }

        if (client.NeedsReconnect)
        {
            return TokenOutcome.Of(new AuthenticationFailure(401, "RECONNECT_NEEDED",
                $"The connection to {client.Host} has not been authorized yet: start the authorization (authorization code flow) from the hub.", false));
        }

        var granted = await _endpoint.GrantAsync(client, cancellationToken).ConfigureAwait(false);
        if (granted.Token?.RefreshToken is { } issued)
        {
            await store.SaveRefreshTokenAsync(connection, issued, cancellationToken).ConfigureAwait(false);
        }

        return granted;
    }

    /// <summary>What a session needs to renew its token after a 401.</summary>
    internal sealed class Renewer(OAuth2Authenticator authenticator, OAuth2Client client)
    {
        public Task<TokenOutcome> RenewAsync(ConnectionKey key, string rejected, CancellationToken cancellationToken) =>
            authenticator.Cache.RenewAsync(key, rejected, (current, ct) => authenticator.RenewSharedAsync(client, key, current, rejected, ct), cancellationToken);
    }
}
