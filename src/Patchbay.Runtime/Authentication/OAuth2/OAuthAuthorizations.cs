using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// The authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) for connections a person authorizes.
/// The hub puts it behind its redirect endpoint: <see cref="Start"/> gives the URL to send the person to and
/// the <see cref="PendingAuthorization"/> to keep until the redirect; the redirect's <c>code</c> and that
/// pending authorization go to <see cref="CompleteAsync"/>, which exchanges the code and keeps the tokens;
/// invocations then use and refresh them.
/// </summary>
/// <remarks>
/// The runtime keeps nothing between start and redirect: the caller keeps the pending authorization (the hub
/// in its database, so that any hub of a scale-out can complete it), looks it up by state, uses it once, and
/// forgets it after <see cref="PendingLifetime"/>.
/// </remarks>
public sealed class OAuthAuthorizations
{
    /// <summary>How long a person has to authorize after <see cref="Start"/>.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

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
        ArgumentNullException.ThrowIfNull(redirectUri);
        var (client, parameters) = Client(connector, authenticationParameters);
        var missing = parameters.Missing("authorize_url");
        if (missing is not null || !Uri.TryCreate(parameters.Get("authorize_url"), UriKind.Absolute, out var authorizeUrl))
        {
            throw new ArgumentException(missing?.Message ?? "The Parameter -authdata.authorize_url- must be an absolute URL", nameof(authenticationParameters));
        }

        var verifier = CryptoRandom.CreateUniqueId(32, CryptoRandom.OutputFormat.Base64Url);
        var state = CryptoRandom.CreateUniqueId(32, CryptoRandom.OutputFormat.Base64Url);
        var key = ConnectionKey.For(connector, credentialDomain, parameters.Values);
        var url = new RequestUrl(authorizeUrl.AbsoluteUri).CreateAuthorizeUrl(
            clientId: client.ClientId!,
            responseType: OidcConstants.ResponseTypes.Code,
            scope: client.Scope,
            redirectUri: redirectUri.AbsoluteUri,
            state: state,
            codeChallenge: Challenge(verifier),
            codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);
        return new AuthorizationStart(new Uri(url), state, _time.GetUtcNow() + PendingLifetime, new PendingAuthorization(key.ToString(), redirectUri, verifier));
    }

    /// <summary>
    /// Exchanges the code the redirect brought for the authorization <paramref name="pending"/> describes; the
    /// tokens are then kept for the connection's invocations. The connector, parameters and credential domain
    /// are those of the connection now: when they no longer name the connection the authorization started for
    /// (a value changed meanwhile), nothing is exchanged.
    /// </summary>
    public async Task<AuthorizationCompletion> CompleteAsync(ConnectorDefinition connector, IReadOnlyDictionary<string, string> authenticationParameters, string credentialDomain, PendingAuthorization pending, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(code);
        OAuth2Client client;
        ConnectionKey key;
        try
        {
            (client, var parameters) = Client(connector, authenticationParameters);
            key = ConnectionKey.For(connector, credentialDomain, parameters.Values);
        }
        catch (ArgumentException e)
        {
            return new AuthorizationCompletion(false, "INVALID_PARAM", e.Message);
        }

        if (key.ToString() != pending.Connection)
        {
            return new AuthorizationCompletion(false, "PARAMETERS_CHANGED", "The connection's Authentication parameters changed after this authorization started: start it again.");
        }

        var outcome = await _authenticator.Endpoint.ExchangeCodeAsync(client, code, pending.RedirectUri, pending.CodeVerifier, cancellationToken).ConfigureAwait(false);
        if (outcome.Token is not { } token)
        {
            return new AuthorizationCompletion(false, outcome.Failure!.Error, outcome.Failure.Message);
        }

        if (token.RefreshToken is { } refreshToken)
        {
            await _authenticator.Store.SaveRefreshTokenAsync(pending.Connection, refreshToken, cancellationToken).ConfigureAwait(false);
        }

        await _authenticator.Store.SaveAccessTokenAsync(pending.Connection, StoredAccessToken.From(token), cancellationToken).ConfigureAwait(false);
        _authenticator.Cache.Put(key, token);
        return AuthorizationCompletion.Success;
    }

    /// <summary>The client of the authorization code grant from a connection's values.</summary>
    /// <exception cref="ArgumentException">A value the grant needs is missing or invalid.</exception>
    private static (OAuth2Client Client, AuthParameters Parameters) Client(ConnectorDefinition connector, IReadOnlyDictionary<string, string> authenticationParameters)
    {
        ArgumentNullException.ThrowIfNull(authenticationParameters);
        var parameters = new AuthParameters(connector.Authentication, authenticationParameters);
        var (client, failure) = OAuth2Client.From(connector.Authentication with { Grant = OAuth2Grant.AuthorizationCode }, parameters);
        return failure is null
            ? (client! with { Grant = OAuth2Client.AuthorizationCode }, parameters)
            : throw new ArgumentException(failure.Message, nameof(authenticationParameters));
    }

    private static string Challenge(string verifier) => System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
