using Duende.IdentityModel.Client;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>The OAuth 2.0 grants and the token lifecycle against a real OpenIddict server on loopback.</summary>
[Trait("Category", "Integration")]
[Collection(OAuthServerGroup.Name)]
public sealed class OAuth2TokenLifecycleTests(OAuthServer server)
{
    private readonly OAuthServer _server = server;
    private readonly int _tokenRequestsBefore = server.TokenRequests;

    private int TokenRequests => _server.TokenRequests - _tokenRequestsBefore;

    [Fact]
    public async Task ClientCredentials_TokenIsAcceptedByTheApi_AndEveryFieldIsMerged()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);

        var session = await scenario.AuthenticateAsync();

        session.Failure.ShouldBeNull();
        session.AuthData["authorizationheader"].ShouldBe("Bearer " + session.AuthData["access_token"]);
        session.AuthData["token_type"].ShouldBe("Bearer");
        int.Parse(session.AuthData["expires_in"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(3500, 3600);
        (await scenario.CallApiAsync(session)).ShouldBe(200);
        session.Secrets.ShouldContain(session.AuthData["access_token"]);
        session.Secrets.ShouldNotContain("3600");
    }

    [Fact]
    public async Task Password_TokenIsAcceptedByTheApi_AndTheRefreshTokenIsKept()
    {
        using var scenario = OAuth2Scenario.Password(_server);

        var session = await scenario.AuthenticateAsync();

        session.Failure.ShouldBeNull();
        (await scenario.CallApiAsync(session)).ShouldBe(200);
        var stored = await scenario.Store.GetRefreshTokenAsync(scenario.Key.ToString(), TestContext.Current.CancellationToken);
        stored.ShouldBe(session.AuthData["refresh_token"]);
    }

    [Fact]
    public async Task Password_WrongPassword_FailsWithAClearMessageInTheAuthenticationRange()
    {
        using var scenario = OAuth2Scenario.Password(_server, password: "not-the-password-41d");

        var session = await scenario.AuthenticateAsync();

        var failure = session.Failure.ShouldNotBeNull();
        failure.StatusCode.ShouldBeInRange(400, 500);
        failure.Error.ShouldBe("AUTHENTICATION_FAILED");
        failure.IsTransient.ShouldBeFalse();
        failure.Message.ShouldBe($"The token endpoint {new Uri(_server.TokenUrl).Authority} refused the password grant (invalid_grant): check the username, password and client.");
        failure.Message.ShouldNotContain("not-the-password-41d");
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_FailsAsAuthenticationFailed()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        scenario.Parameters["client_secret"] = "wrong-secret-0c9";

        var session = await scenario.AuthenticateAsync();

        var failure = session.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe("AUTHENTICATION_FAILED");
        failure.StatusCode.ShouldBe(401);
        failure.Message.ShouldContain("(invalid_client)");
        failure.Message.ShouldNotContain("{");
        failure.Message.ShouldNotContain("wrong-secret-0c9");
    }

    [Fact]
    public async Task Token_IsReusedUntilShortlyBeforeExpiry_ThenFetchedAgain()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        var first = await scenario.AuthenticateAsync();
        var lifetime = int.Parse(first.AuthData["expires_in"], System.Globalization.CultureInfo.InvariantCulture);

        scenario.Time.Advance(TimeSpan.FromSeconds(lifetime - 30 - 1)); // skew = min(30 s, 10% of the lifetime)
        var before = await scenario.AuthenticateAsync();
        TokenRequests.ShouldBe(1);
        before.AuthData["access_token"].ShouldBe(first.AuthData["access_token"]);

        scenario.Time.Advance(TimeSpan.FromSeconds(2));
        var after = await scenario.AuthenticateAsync();
        TokenRequests.ShouldBe(2);
        after.AuthData["access_token"].ShouldNotBe(first.AuthData["access_token"]);
    }

    [Fact]
    public async Task ShortLivedToken_SkewIsATenthOfTheLifetime()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        scenario.Parameters["client_id"] = OAuthServer.ShortLivedClient;
        var first = await scenario.AuthenticateAsync();
        var lifetime = int.Parse(first.AuthData["expires_in"], System.Globalization.CultureInfo.InvariantCulture);
        lifetime.ShouldBeInRange(90, 100);

        scenario.Time.Advance(TimeSpan.FromSeconds(lifetime * 0.9 - 1));
        await scenario.AuthenticateAsync();
        TokenRequests.ShouldBe(1);

        scenario.Time.Advance(TimeSpan.FromSeconds(2));
        await scenario.AuthenticateAsync();
        TokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task HundredConcurrentAuthentications_MakeOneTokenRequest()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        var hold = _server.HoldTokens();
        Task<AuthenticationSession>[] sessions;
        try
        {
            sessions = Enumerable.Range(0, 100).Select(_ => scenario.AuthenticateAsync()).ToArray();
            await _server.TokenRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        finally
        {
            _server.HoldTokenRequests = null;
            hold.SetResult();
        }

        var all = await Task.WhenAll(sessions);

        TokenRequests.ShouldBe(1);
        all.Select(s => s.AuthData["access_token"]).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Unauthorized_HundredConcurrentCalls_RefreshOnceAndEachRetriesOnce()
    {
        using var scenario = OAuth2Scenario.Password(_server);
        var sessions = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => scenario.AuthenticateAsync()));
        var refused = sessions[0].AuthData["access_token"];
        _server.RefusedTokens[refused] = true; // the API no longer accepts it, though it has not expired
        var apiCallsBefore = _server.ApiRequests;

        var statuses = await Task.WhenAll(sessions.Select(scenario.CallApiAsync));

        statuses.ShouldAllBe(s => s == 200);
        TokenRequests.ShouldBe(2); // the password grant, then one refresh
        (_server.ApiRequests - apiCallsBefore).ShouldBe(200); // each call once, and once again
        sessions.Select(s => s.AuthData["access_token"]).ShouldAllBe(t => t != refused);
    }

    [Fact]
    public async Task Refresh_RotatedRefreshTokenIsUsedNext_AndTheOldOneIsRefusedByTheServer()
    {
        using var scenario = OAuth2Scenario.Password(_server);
        var first = await scenario.AuthenticateAsync();
        var original = first.AuthData["refresh_token"];

        scenario.Time.Advance(TimeSpan.FromHours(1));
        var second = await scenario.AuthenticateAsync();
        var rotated = second.AuthData["refresh_token"];
        rotated.ShouldNotBe(original);
        (await scenario.Store.GetRefreshTokenAsync(scenario.Key.ToString(), TestContext.Current.CancellationToken)).ShouldBe(rotated);

        scenario.Time.Advance(TimeSpan.FromHours(1));
        var third = await scenario.AuthenticateAsync();
        third.Failure.ShouldBeNull(); // the rotated token worked: the original one would have been refused
        (await scenario.CallApiAsync(third)).ShouldBe(200);
        TokenRequests.ShouldBe(3);

        using var http = new HttpClient();
        using var replay = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = _server.TokenUrl,
            ClientId = OAuthServer.ServiceClient,
            ClientSecret = OAuthServer.ServiceSecret,
            RefreshToken = original,
        }, TestContext.Current.CancellationToken);
        replay.Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task TokenEndpoint503_IsTransient()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        _server.TokenEndpointStatus = 503;
        AuthenticationFailure failure;
        try
        {
            failure = (await scenario.AuthenticateAsync()).Failure.ShouldNotBeNull();
        }
        finally
        {
            _server.TokenEndpointStatus = null;
        }

        failure.IsTransient.ShouldBeTrue();
        failure.Error.ShouldBe("AUTHENTICATION_UNAVAILABLE");
        failure.StatusCode.ShouldBe(-503);
        failure.Message.ShouldContain("answered 503");
        failure.Message.ShouldNotContain("<html>");
    }

    [Fact]
    public async Task TokenEndpoint503_WithinTheSkew_KeepsUsingTheUnexpiredToken()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        var first = await scenario.AuthenticateAsync();
        var lifetime = int.Parse(first.AuthData["expires_in"], System.Globalization.CultureInfo.InvariantCulture);
        scenario.Time.Advance(TimeSpan.FromSeconds(lifetime - 10)); // stale, but not expired
        _server.TokenEndpointStatus = 503;
        AuthenticationSession during;
        try
        {
            during = await scenario.AuthenticateAsync();
        }
        finally
        {
            _server.TokenEndpointStatus = null;
        }

        during.Failure.ShouldBeNull();
        during.AuthData["access_token"].ShouldBe(first.AuthData["access_token"]);
        TokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task TokenEndpointRefusingConnections_IsTransient()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        scenario.Parameters["token_url"] = $"http://127.0.0.1:{ClosedPort()}/connect/token";

        var failure = (await scenario.AuthenticateAsync()).Failure.ShouldNotBeNull();

        failure.IsTransient.ShouldBeTrue();
        failure.Error.ShouldBe("AUTHENTICATION_UNAVAILABLE");
        failure.Message.ShouldContain("could not be reached");
    }

    [Fact]
    public async Task AccessTokenParameter_IsUsedWithoutATokenRequest()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        scenario.Parameters["access_token"] = "given-token-a1";

        var session = await scenario.AuthenticateAsync();

        session.AuthData["authorizationheader"].ShouldBe("Bearer given-token-a1");
        session.AuthData["token_type"].ShouldBe("bearer");
        TokenRequests.ShouldBe(0);
    }

    [Theory]
    [InlineData("response_type", "code", "AUTH.INVALID_RESPONSE_TYPE", "response_type is not allowed")]
    [InlineData("grant_type", "implicit", "AUTH.INVALID_GRANT", "invalid_grant [Description] grant_type: -implicit- is invalid")]
    [InlineData("client_secret", "", "REQUIRED_PARAM", "The Parameter -authdata.client_secret- is required")]
    public async Task BizagiRules_RejectBadParametersWithMinus400(string name, string value, string error, string message)
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        scenario.Parameters[name] = value;

        var failure = (await scenario.AuthenticateAsync()).Failure.ShouldNotBeNull();

        failure.StatusCode.ShouldBe(-400);
        failure.Error.ShouldBe(error);
        failure.Message.ShouldStartWith(message);
        TokenRequests.ShouldBe(0);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
