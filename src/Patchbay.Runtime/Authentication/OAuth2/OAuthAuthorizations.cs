using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// The authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) for connections a person authorizes.
/// The hub puts it behind its redirect endpoint: <see cref="Start"/> gives the URL to send the person to,
/// and the redirect's <c>state</c> and <c>code</c> go to <see cref="CompleteAsync"/>, which exchanges the
/// code and keeps the tokens; invocations then use and refresh them.
/// </summary>
/// <remarks>Pending authorizations (state → code verifier) live in memory for ten minutes: start and completion must reach the same runtime.</remarks>
public sealed class OAuthAuthorizations
{
    /// <summary>How long a person has to authorize after <see cref="Start"/>.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly OAuth2Authenticator _authenticator;
    private readonly TimeProvider _time;

    internal OAuthAuthorizations(OAuth2Authenticator authenticator, TimeProvider time)
    {
        _authenticator = authenticator;
        _time = time;
    }

    /// <summary>Starts authorizing a connection: the connector's Authentication parameters in one credential domain.</summary>
    /// <param name="connector">A connector whose method is OAuth 2.0.</param>
    /// <param name="authenticationParameters">The values invocations will use (<c>authorize_url</c>, <c>token_url</c>, <c>client_id</c>, optional <c>client_secret</c>, <c>scope</c>).</param>
    /// <param name="credentialDomain">The environment the values belong to.</param>
    /// <param name="redirectUri">The hub's redirect endpoint, as registered with the authorization server.</param>
    /// <exception cref="ArgumentException">A parameter the flow needs is missing or not a URL.</exception>
    public AuthorizationStart Start(ConnectorDefinition connector, IReadOnlyDictionary<string, string> authenticationParameters, string credentialDomain, Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(authenticationParameters);
        ArgumentNullException.ThrowIfNull(redirectUri);
        var parameters = new AuthParameters(connector.Authentication, authenticationParameters);
        var (client, failure) = OAuth2Client.From(connector.Authentication with { Grant = OAuth2Grant.AuthorizationCode }, parameters);
        failure ??= parameters.Missing("authorize_url");
        if (failure is not null || !Uri.TryCreate(parameters.Get("authorize_url"), UriKind.Absolute, out var authorizeUrl))
        {
            throw new ArgumentException(failure?.Message ?? "The Parameter -authdata.authorize_url- must be an absolute URL", nameof(authenticationParameters));
        }

        Forget(expiredOnly: true);
        var verifier = CryptoRandom.CreateUniqueId(32, CryptoRandom.OutputFormat.Base64Url);
        var state = CryptoRandom.CreateUniqueId(32, CryptoRandom.OutputFormat.Base64Url);
        var expires = _time.GetUtcNow() + PendingLifetime;
        var key = ConnectionKey.For(connector, credentialDomain, parameters.Values);
        _pending[state] = new Pending(key, client! with { Grant = OAuth2Client.AuthorizationCode }, redirectUri, verifier, expires);
        var url = new RequestUrl(authorizeUrl.AbsoluteUri).CreateAuthorizeUrl(
            clientId: client!.ClientId!,
            responseType: OidcConstants.ResponseTypes.Code,
            scope: client.Scope,
            redirectUri: redirectUri.AbsoluteUri,
            state: state,
            codeChallenge: Challenge(verifier),
            codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);
        return new AuthorizationStart(new Uri(url), state, expires);
    }

    /// <summary>Exchanges the code the redirect brought; the tokens are then kept for the connection's invocations.</summary>
    public async Task<AuthorizationCompletion> CompleteAsync(string state, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(code);
        if (!_pending.TryRemove(state, out var pending) || pending.ExpiresAt <= _time.GetUtcNow())
        {
            return new AuthorizationCompletion(false, "UNKNOWN_STATE", "This authorization is unknown or has expired: start it again.");
        }

        var outcome = await _authenticator.Endpoint.ExchangeCodeAsync(pending.Client, code, pending.RedirectUri, pending.Verifier, cancellationToken).ConfigureAwait(false);
        if (outcome.Token is not { } token)
        {
            return new AuthorizationCompletion(false, outcome.Failure!.Error, outcome.Failure.Message);
        }

        if (token.RefreshToken is { } refreshToken)
        {
            await _authenticator.Store.SaveRefreshTokenAsync(pending.Key.ToString(), refreshToken, cancellationToken).ConfigureAwait(false);
        }

        await _authenticator.Store.SaveAccessTokenAsync(pending.Key.ToString(), StoredAccessToken.From(token), cancellationToken).ConfigureAwait(false);
        _authenticator.Cache.Put(pending.Key, token);
        return AuthorizationCompletion.Success;
    }

    private static string Challenge(string verifier) => System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private void Forget(bool expiredOnly)
    {
        var now = _time.GetUtcNow();
        foreach (var (state, pending) in _pending)
        {
            if (!expiredOnly || pending.ExpiresAt <= now)
            {
                _pending.TryRemove(state, out _);
            }
        }
    }

    private sealed record Pending(ConnectionKey Key, OAuth2Client Client, Uri RedirectUri, string Verifier, DateTimeOffset ExpiresAt);
}
