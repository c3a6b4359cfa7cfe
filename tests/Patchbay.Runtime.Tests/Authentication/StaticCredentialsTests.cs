using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>Basic, bearer and API key: the fields merged into <c>globals.authdata</c> and what reaches the server.</summary>
[Trait("Category", "Integration")]
public sealed class StaticCredentialsTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>, IAsyncLifetime
{
    private readonly LoopbackServer _server = new();
    private readonly HttpClient _http = new();

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Basic_GivesBizagisAuthorizationHeader()
    {
        var session = await AuthenticateAsync(AuthenticationMethod.Basic, new() { ["username"] = "Aladdin", ["password"] = "open sesame" });

        session.AuthData["authorizationheader"].ShouldBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        (await EchoedAuthorizationAsync(session)).ShouldBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        session.Secrets.ShouldContain("open sesame");
    }

    [Fact]
    public async Task Basic_MissingPassword_IsMinus400()
    {
        var session = await AuthenticateAsync(AuthenticationMethod.Basic, new() { ["username"] = "Aladdin" });

        session.Failure.ShouldBe(new AuthenticationFailure(-400, "REQUIRED_PARAM", "The Parameter -authdata.password- is required", false));
    }

    [Fact]
    public async Task Bearer_GivesTheBearerHeader()
    {
        var session = await AuthenticateAsync(AuthenticationMethod.Bearer, new() { ["token"] = "static-token-7e" });

        session.AuthData["authorizationheader"].ShouldBe("Bearer static-token-7e");
        (await EchoedAuthorizationAsync(session)).ShouldBe("Bearer static-token-7e");
    }

    [Fact]
    public async Task ApiKey_InTheDefaultHeader()
    {
        var session = await AuthenticateAsync(AuthenticationMethod.ApiKey, new() { ["api_key"] = "key-31" });
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url + "/items");

        session.Apply(request);

        request.Headers.GetValues("X-API-Key").ShouldBe(["key-31"]);
        session.AuthData["authorizationheader"].ShouldBe("");
        session.AuthData["api_key_name"].ShouldBe("X-API-Key");
        session.AuthData["api_key_in"].ShouldBe("header");
    }

    [Fact]
    public async Task ApiKey_InTheQuery_KeepsTheOtherParameters()
    {
        var session = await AuthenticateAsync(AuthenticationMethod.ApiKey, new() { ["api_key"] = "key 31&x", ["api_key_name"] = "apikey", ["api_key_in"] = "query" });
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url + "/items?page=2");

        session.Apply(request);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        _server.Requests.ShouldContain("GET /items?page=2&apikey=key%2031%26x");
    }

    [Fact]
    public async Task ApiKey_UnknownPlacement_IsMinus400()
    {
        var session = await AuthenticateAsync(AuthenticationMethod.ApiKey, new() { ["api_key"] = "k", ["api_key_in"] = "cookie" });

        session.Failure!.StatusCode.ShouldBe(-400);
        session.Failure.Message.ShouldContain("-authdata.api_key_in-");
    }

    [Fact]
    public async Task ParameterDefaults_AreAppliedAndReachConnectorCode()
    {
        var connector = new TestConnector()
            .Invoke("show", "callback(RESPONSE({ name: globals.authdata.api_key_name, header: globals.authdata.authorizationheader }, null, 200));")
            .Build().With(AuthenticationMethod.ApiKey, _server.Url, parameters: [new ConnectorParameter { Name = "api_key", PasswordMode = true }, new ConnectorParameter { Name = "api_key_name", DefaultValue = "X-Custom-Key" }]);

        var result = await fixture.Runtime.RunAsync(connector, "show", edit: r => r with { AuthenticationParameters = new Dictionary<string, string> { ["api_key"] = "k-1" } });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!["name"]!.GetValue<string>().ShouldBe("X-Custom-Key");
        result.Output()!["header"]!.GetValue<string>().ShouldBe("");
    }

    [Fact]
    public async Task CustomAction_OfABasicConnector_SeesTheHeader_AndAMissingParameterStopsIt()
    {
        var connector = new TestConnector()
            .Invoke("show", "callback(RESPONSE({ header: globals.authdata.authorizationheader }, null, 200));")
            .Build().With(AuthenticationMethod.Basic, _server.Url);

        var ok = await fixture.Runtime.RunAsync(connector, "show", edit: r => r with { AuthenticationParameters = new Dictionary<string, string> { ["username"] = "u", ["password"] = "p" } });
        var missing = await fixture.Runtime.RunAsync(connector, "show", edit: r => r with { AuthenticationParameters = new Dictionary<string, string> { ["username"] = "u" } });

        ok.Output()!["header"]!.GetValue<string>().ShouldBe("Basic dTpw");
        missing.Outcome.ShouldBe(InvocationOutcome.AuthenticationFailed);
        missing.StatusCode().ShouldBe(-400);
        missing.ErrorMessage().ShouldBe("The Parameter -authdata.password- is required");
    }

    private Task<AuthenticationSession> AuthenticateAsync(AuthenticationMethod method, Dictionary<string, string> values) =>
        new AuthenticationService(_http, TimeProvider.System).AuthenticateAsync(
            new AuthenticationRequest(BuiltInAuthentication.Definition(method, _server.Url), values, "default", new Uri(_server.Url), "GET"),
            TestContext.Current.CancellationToken);

    private async Task<string> EchoedAuthorizationAsync(AuthenticationSession session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url + "/echo");
        session.Apply(request);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return body["auth"]!.GetValue<string>();
    }
}
