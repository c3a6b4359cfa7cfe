using Microsoft.Extensions.Time.Testing;
using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Authentication.OAuth2;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>One OAuth 2.0 connection of a test: its connector, parameter values and an authentication service on a fake clock.</summary>
internal sealed class OAuth2Scenario : IDisposable
{
    private readonly HttpClient _http = new();

    public OAuth2Scenario(OAuthServer server, OAuth2Grant grant, Dictionary<string, string> parameters)
    {
        Server = server;
        Connector = BuiltInAuthentication.Definition(AuthenticationMethod.OAuth2, server.Url, grant);
        Parameters = parameters;
        Service = new AuthenticationService(_http, Time, Store);
    }

    public OAuthServer Server { get; }

    public FakeTimeProvider Time { get; } = new();

    public InMemoryTokenStore Store { get; } = new();

    public ConnectorDefinition Connector { get; }

    public Dictionary<string, string> Parameters { get; }

    public AuthenticationService Service { get; }

    public ConnectionKey Key => AuthenticationService.Key(Request(), new AuthParameters(Connector.Authentication, Parameters));

    public static OAuth2Scenario ClientCredentials(OAuthServer server) => new(server, OAuth2Grant.ClientCredentials, new()
    {
        ["token_url"] = server.TokenUrl,
        ["client_id"] = OAuthServer.ServiceClient,
        ["client_secret"] = OAuthServer.ServiceSecret,
        ["scope"] = "api",
    });

    public static OAuth2Scenario Password(OAuthServer server, string password = OAuthServer.UserPassword) => new(server, OAuth2Grant.Password, new()
    {
        ["token_url"] = server.TokenUrl,
        ["client_id"] = OAuthServer.ServiceClient,
        ["client_secret"] = OAuthServer.ServiceSecret,
        ["username"] = OAuthServer.User,
        ["password"] = password,
        ["scope"] = "api offline_access",
    });

    public static OAuth2Scenario AuthorizationCode(OAuthServer server) => new(server, OAuth2Grant.AuthorizationCode, new()
    {
        ["token_url"] = server.TokenUrl,
        ["authorize_url"] = server.AuthorizeUrl,
        ["client_id"] = OAuthServer.InteractiveClient,
        ["client_secret"] = OAuthServer.InteractiveSecret,
        ["scope"] = "api offline_access",
    });

    public AuthenticationRequest Request() => new(Connector, Parameters, "default", new Uri(Server.ApiUrl), "GET");

    public Task<AuthenticationSession> AuthenticateAsync() =>
        Service.AuthenticateAsync(Request(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>Calls the protected API with the session's credentials; on 401, recovers once and retries once, as the REST engine does.</summary>
    public async Task<int> CallApiAsync(AuthenticationSession session)
    {
        using var first = await SendAsync(session);
        if (first.StatusCode != System.Net.HttpStatusCode.Unauthorized || !await session.RecoverAsync(first, TestContext.Current.CancellationToken))
        {
            return (int)first.StatusCode;
        }

        using var second = await SendAsync(session);
        return (int)second.StatusCode;
    }

    /// <summary>Follows the authorize URL as an approving person would and returns the code and state the redirect carries.</summary>
    public static Task<(string State, string Code)> AuthorizeAsync(AuthorizationStart start) => OAuthServer.AuthorizeAsPersonAsync(start.AuthorizeUrl);

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(AuthenticationSession session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.ApiUrl);
        session.Apply(request);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
