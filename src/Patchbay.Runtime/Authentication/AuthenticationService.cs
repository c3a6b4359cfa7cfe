using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication.Digest;
using Patchbay.Runtime.Authentication.OAuth1;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Runtime.Authentication;

/// <summary>
/// Runs a connector's built-in authentication method (bizagi-compat §4.3, docs/authentication.md) and owns
/// the token cache that every invocation of the runtime shares.
/// </summary>
internal sealed class AuthenticationService
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly DigestAuthenticator _digest;
    private readonly OAuth2Authenticator _oauth2;

    /// <param name="http">The outbound client (platform proxy, TLS) for token endpoints and digest challenges.</param>
    /// <param name="time">The clock of token expiry.</param>
    /// <param name="tokenStore">Where refresh tokens (and, when shared, access tokens) are kept; in memory when null.</param>
    /// <param name="connectionLock">Held while a connection's token is renewed; none (in-process single-flight) when null.</param>
    public AuthenticationService(HttpClient http, TimeProvider time, ITokenStore? tokenStore = null, IConnectionLock? connectionLock = null)
    {
        _http = http;
        _time = time;
        _digest = new DigestAuthenticator(http);
        _oauth2 = new OAuth2Authenticator(http, time, tokenStore ?? new InMemoryTokenStore(), connectionLock ?? InProcessConnectionLock.Instance);
        Authorizations = new OAuthAuthorizations(_oauth2, time);
    }

    public HttpClient Http => _http;

    public TimeProvider Time => _time;

    /// <summary>The authorization code flow the hub's redirect endpoint drives.</summary>
    public OAuthAuthorizations Authorizations { get; }

    /// <summary>The OAuth 2.0 access tokens of every connection.</summary>
    internal TokenCache Tokens => _oauth2.Cache;

    public static bool IsBuiltIn(AuthenticationMethod method) => method is not (AuthenticationMethod.None or AuthenticationMethod.Custom);

    public Task<AuthenticationSession> AuthenticateAsync(AuthenticationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var parameters = new AuthParameters(request.Connector.Authentication, request.AuthData);
        return request.Connector.Authentication.Method switch
        {
            AuthenticationMethod.Basic => Task.FromResult(StaticCredentials.Basic(parameters)),
            AuthenticationMethod.Bearer => Task.FromResult(StaticCredentials.Bearer(parameters)),
            AuthenticationMethod.ApiKey => Task.FromResult(StaticCredentials.ApiKey(parameters)),
            AuthenticationMethod.OAuth1 => Task.FromResult(OAuth1Session.Create(request, parameters, _time)),
            AuthenticationMethod.Digest => _digest.AuthenticateAsync(request, parameters, cancellationToken),
            AuthenticationMethod.OAuth2 => _oauth2.AuthenticateAsync(request, parameters, Key(request, parameters), cancellationToken),
            _ => Task.FromResult(AuthenticationSession.Anonymous), // none; custom runs auth.js in the worker
        };
    }

    /// <summary>The cache key of the connection an invocation belongs to.</summary>
    internal static ConnectionKey Key(AuthenticationRequest request, AuthParameters parameters) =>
        ConnectionKey.For(request.Connector, request.CredentialDomain, parameters.Values);
}
