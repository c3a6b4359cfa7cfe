using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>
/// OAuth 2.0 through the public invocation API: custom actions of a connector whose method is built in read
/// <c>globals.authdata.authorizationheader</c> and call the protected API with it.
/// </summary>
[Trait("Category", "Integration")]
[Collection(OAuthServerGroup.Name)]
public sealed class OAuth2InvocationTests(OAuthServer server) : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "patchbay-oauth-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FakeTimeProvider _time = new();
    private readonly int _tokenRequestsBefore = server.TokenRequests;
    private ConnectorRuntime _runtime = null!;

    private int TokenRequests => server.TokenRequests - _tokenRequestsBefore;

    public async ValueTask InitializeAsync() =>
        _runtime = await ConnectorRuntime.CreateAsync(new RuntimeOptions { WorkFolder = _work }, _time, NullLoggerFactory.Instance, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task CustomAction_UsesTheBuiltInClientCredentialsToken()
    {
        var connector = Connector(OAuth2Grant.ClientCredentials);

        var result = await _runtime.RunAsync(connector, "call", edit: r => r with { AuthenticationParameters = ClientCredentials() });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!["status"]!.GetValue<double>().ShouldBe(200);
        result.Output()!["body"]!.GetValue<string>().ShouldContain(OAuthServer.ServiceClient);
    }

    [Fact]
    public async Task HundredConcurrentInvocations_MakeOneTokenRequest()
    {
        var connector = Connector(OAuth2Grant.ClientCredentials);
        var hold = server.HoldTokens();
        Task<InvocationResult>[] invocations;
        try
        {
            invocations = Enumerable.Range(0, 100).Select(_ => _runtime.RunAsync(connector, "call", edit: r => r with { AuthenticationParameters = ClientCredentials() })).ToArray();
            await server.TokenRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        finally
        {
            server.HoldTokenRequests = null;
            hold.SetResult();
        }

        var results = await Task.WhenAll(invocations);

        results.ShouldAllBe(r => r.Outcome == InvocationOutcome.Succeeded);
        TokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task AuthorizationCode_WithPkce_InvocationsUseTheTokens_UntilRevocationNeedsAReconnect()
    {
        var connector = Connector(OAuth2Grant.AuthorizationCode);
        var parameters = AuthorizationCode();
        var before = await _runtime.RunAsync(connector, "call", edit: r => r with { AuthenticationParameters = parameters });
        before.Outcome.ShouldBe(InvocationOutcome.AuthenticationFailed);
        before.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("RECONNECT_NEEDED");
        before.ErrorMessage().ShouldContain("has not been authorized yet");

        var start = _runtime.Authorizations.Start(connector.Definition, parameters, "default", new Uri(OAuthServer.RedirectUri));
        start.AuthorizeUrl.Query.ShouldContain("code_challenge_method=S256");
        var (state, code) = await OAuth2Scenario.AuthorizeAsync(start);
        state.ShouldBe(start.State);
        var completion = await _runtime.Authorizations.CompleteAsync(connector.Definition, parameters, "default", start.Pending, code, TestContext.Current.CancellationToken);
        completion.Succeeded.ShouldBeTrue(completion.Message);

        var first = await _runtime.RunAsync(connector, "call", edit: r => r with { AuthenticationParameters = parameters });
        first.Outcome.ShouldBe(InvocationOutcome.Succeeded, first.FailureMessage);
        first.Output()!["body"]!.GetValue<string>().ShouldContain(OAuthServer.User);

        _time.Advance(TimeSpan.FromHours(1)); // expired: the next invocation refreshes
        var refreshed = await _runtime.RunAsync(connector, "call", edit: r => r with { AuthenticationParameters = parameters });
        refreshed.Outcome.ShouldBe(InvocationOutcome.Succeeded, refreshed.FailureMessage);
        TokenRequests.ShouldBe(2); // the code exchange and one refresh

        await RevokeRefreshTokensAsync(refreshed.Output()!["refresh"]!.GetValue<string>());
        _time.Advance(TimeSpan.FromHours(1));
        var revoked = await _runtime.RunAsync(connector, "call", edit: r => r with { AuthenticationParameters = parameters });

        revoked.Outcome.ShouldBe(InvocationOutcome.AuthenticationFailed);
        revoked.StatusCode().ShouldBeInRange(400, 500);
        revoked.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("RECONNECT_NEEDED");
        revoked.ErrorMessage().ShouldBe($"The connection to {new Uri(server.TokenUrl).Authority} must be authorized again: the refresh token was rejected (invalid_grant).");
    }

    [Fact]
    public async Task AuthorizationCode_ParametersChangedSinceTheStart_ExchangesNothing()
    {
        var connector = Connector(OAuth2Grant.AuthorizationCode);
        var parameters = AuthorizationCode();
        var start = _runtime.Authorizations.Start(connector.Definition, parameters, "default", new Uri(OAuthServer.RedirectUri));
        var (_, code) = await OAuth2Scenario.AuthorizeAsync(start);
        var changed = new Dictionary<string, string>(parameters) { ["scope"] = "api" };

        var completion = await _runtime.Authorizations.CompleteAsync(connector.Definition, changed, "default", start.Pending, code, TestContext.Current.CancellationToken);

        completion.Succeeded.ShouldBeFalse();
        completion.Error.ShouldBe("PARAMETERS_CHANGED");
        TokenRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Log_OfTheAccessToken_IsMasked()
    {
        var connector = new TestConnector()
            .Invoke("tell", "LOG.info('token ' + globals.authdata.access_token + ' / ' + globals.authdata.authorizationheader); callback(RESPONSE({}, null, 200));")
            .Build().With(AuthenticationMethod.OAuth2, server.Url, OAuth2Grant.ClientCredentials);

        var result = await _runtime.RunAsync(connector, "tell", edit: r => r with { EnableLog = true, AuthenticationParameters = ClientCredentials() });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Logs.ShouldHaveSingleItem().Text.ShouldBe("token ******** / ********");
    }

    [Fact]
    public async Task TokenEndpoint503_IsAuthenticationUnavailable_AndTransient()
    {
        var connector = Connector(OAuth2Grant.ClientCredentials);
        server.TokenEndpointStatus = 503;
        InvocationResult result;
        try
        {
            result = await _runtime.RunAsync(connector, "call", edit: r => r with { AuthenticationParameters = ClientCredentials() });
        }
        finally
        {
            server.TokenEndpointStatus = null;
        }

        result.Outcome.ShouldBe(InvocationOutcome.AuthenticationUnavailable);
        InvocationOutcomes.IsTransient(result.Outcome).ShouldBeTrue();
        result.StatusCode().ShouldBe(-503);
    }

    private ConnectorPackage Connector(OAuth2Grant grant) => new TestConnector()
        .Invoke("call", $$"""
            fetch('{{server.ApiUrl}}', { headers: { Authorization: globals.authdata.authorizationheader } })
              .then(function (r) { return r.text().then(function (t) { callback(RESPONSE({ status: r.status, body: t, refresh: globals.authdata.refresh_token || '' }, null, 200)); }); })
              .catch(function (e) { callback(RESPONSE(null, { error: String(e) }, -500, String(e))); });
            """)
        .Build().With(AuthenticationMethod.OAuth2, server.Url, grant);

    private Dictionary<string, string> ClientCredentials() => new()
    {
        ["token_url"] = server.TokenUrl,
        ["client_id"] = OAuthServer.ServiceClient,
        ["client_secret"] = OAuthServer.ServiceSecret,
        ["scope"] = "api",
    };

    private Dictionary<string, string> AuthorizationCode() => new()
    {
        ["token_url"] = server.TokenUrl,
        ["authorize_url"] = server.AuthorizeUrl,
        ["client_id"] = OAuthServer.InteractiveClient,
        ["client_secret"] = OAuthServer.InteractiveSecret,
        ["scope"] = "api offline_access",
    };

    /// <summary>Revokes at the server, as a person removing the app's access would.</summary>
    private async Task RevokeRefreshTokensAsync(string refreshToken)
    {
        using var http = new HttpClient();
        using var response = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = server.RevokeUrl,
            ClientId = OAuthServer.InteractiveClient,
            ClientSecret = OAuthServer.InteractiveSecret,
            Token = refreshToken,
            TokenTypeHint = "refresh_token",
        }, TestContext.Current.CancellationToken);
        response.IsError.ShouldBeFalse(response.Error);
    }
}
