using System.Net;
using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Authentication.Digest;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>Digest (RFC 7616) against the RFC's own vectors and a server that verifies every request.</summary>
[Trait("Category", "Integration")]
public sealed class DigestTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>, IAsyncLifetime
{
    private readonly DigestServer _server = new();
    private readonly HttpClient _http = new();
    private readonly ConnectorDefinition _connector = BuiltInAuthentication.Definition(AuthenticationMethod.Digest);

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>RFC 7616 §3.9.1: the same request answered with MD5 and with SHA-256.</summary>
    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Response_MatchesTheRfc7616Example(string algorithm, string expected)
    {
        var response = DigestCalculator.Response(
            DigestAlgorithm.Find(algorithm)!,
            "Mufasa",
            "Circle of Life",
            "http-auth@example.org",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            "GET",
            "/dir/index.html",
            "auth",
            "00000001",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        response.ShouldBe(expected);
    }

    [Fact]
    public void Challenge_ParsesQuotedAndTokenValues()
    {
        var challenge = DigestChallenge.Parse("""realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", stale=TRUE""")!;

        challenge.Realm.ShouldBe("http-auth@example.org");
        challenge.Qop.ShouldBe(["auth", "auth-int"]);
        challenge.Algorithm.Name.ShouldBe("SHA-256");
        challenge.Opaque.ShouldBe("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
        challenge.Stale.ShouldBeTrue();
    }

    [Fact]
    public async Task Requests_ReuseTheNonceWithARisingCount_AndTheStrongestAlgorithm()
    {
        var session = await AuthenticateAsync(Service());

        session.Failure.ShouldBeNull();
        session.AuthData["realm"].ShouldBe(DigestServer.Realm);
        session.AuthData["algorithm"].ShouldBe("SHA-256");
        session.AuthData["qop"].ShouldBe("auth");
        session.AuthData["nonce"].ShouldNotBeEmpty();
        session.AuthData["opaque"].ShouldNotBeEmpty();
        (await SendAsync(session, "/dir/index.html")).ShouldBe(HttpStatusCode.OK);
        (await SendAsync(session, "/other?x=1")).ShouldBe(HttpStatusCode.OK);
        (await SendAsync(session, "/dir/index.html")).ShouldBe(HttpStatusCode.OK);

        _server.Challenges.ShouldBe(1);
        _server.Accepted.ShouldBe(["SHA-256 2", "SHA-256 3", "SHA-256 4"]); // 1 went into authorizationheader
    }

    [Fact]
    public async Task EachInvocation_GetsALiveNonce_AsInBizagi()
    {
        var service = Service();
        var first = await AuthenticateAsync(service);
        _server.ExpireNonces();

        var next = await AuthenticateAsync(service);

        next.AuthData["nonce"].ShouldNotBe(first.AuthData["nonce"]);
        (await SendAsync(next, "/dir/index.html")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StaleNonce_RecoverFetchesANewChallenge_AndTheRetrySucceeds()
    {
        var session = await AuthenticateAsync(Service());
        (await SendAsync(session, "/a")).ShouldBe(HttpStatusCode.OK);
        _server.ExpireNonces();

        (await SendWithRecoveryAsync(session, "/a")).ShouldBe(HttpStatusCode.OK);

        _server.Challenges.ShouldBe(2);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("MD5-sess")]
    [InlineData("SHA-256-sess")]
    public async Task EachAlgorithm_IsAccepted(string algorithm)
    {
        await using var server = new DigestServer { Algorithms = [algorithm] };
        await server.InitializeAsync();
        var session = await AuthenticateAsync(Service(), server.Url + "/x");

        (await SendAsync(session, "/x", server.Url)).ShouldBe(HttpStatusCode.OK);
        server.Accepted.ShouldBe([$"{algorithm} 2"]);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedAfterOneRetry()
    {
        var session = await AuthenticateAsync(Service(), password: "Circle of Strife");

        (await SendWithRecoveryAsync(session, "/a")).ShouldBe(HttpStatusCode.Unauthorized);
        session.Secrets.ShouldContain("Circle of Strife");
    }

    [Fact]
    public async Task MissingUsername_IsBizagisRequiredParameterError()
    {
        var session = await Service().AuthenticateAsync(Request(_server.Url, new() { ["password"] = "x" }), TestContext.Current.CancellationToken);

        session.Failure.ShouldBe(new AuthenticationFailure(-400, "REQUIRED_PARAM", "The Parameter -authdata.username- is required", false));
    }

    [Fact]
    public async Task CustomAction_CallsTheServerWithTheAuthorizationHeader()
    {
        var connector = new TestConnector()
            .Invoke("call", """
                fetch(globals.authdata.url, { headers: { Authorization: globals.authdata.authorizationheader } })
                  .then(function (r) { return r.text().then(function (t) { callback(RESPONSE({ status: r.status, body: t, realm: globals.authdata.realm }, null, 200)); }); });
                """)
            .Build().With(AuthenticationMethod.Digest, _server.Url + "/api");

        var result = await fixture.Runtime.RunAsync(connector, "call", edit: r => r with
        {
            AuthenticationParameters = new Dictionary<string, string> { ["username"] = DigestServer.User, ["password"] = DigestServer.Password, ["url"] = _server.Url + "/api" },
        });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!["status"]!.GetValue<double>().ShouldBe(200);
        result.Output()!["realm"]!.GetValue<string>().ShouldBe(DigestServer.Realm);
    }

    private AuthenticationService Service() => new(_http, TimeProvider.System);

    private Task<AuthenticationSession> AuthenticateAsync(AuthenticationService service, string? target = null, string password = DigestServer.Password) =>
        service.AuthenticateAsync(Request(target ?? _server.Url + "/dir/index.html", new() { ["username"] = DigestServer.User, ["password"] = password }), TestContext.Current.CancellationToken);

    private AuthenticationRequest Request(string target, Dictionary<string, string> values) => new(_connector, values, "default", new Uri(target), "GET");

    private async Task<HttpStatusCode> SendAsync(AuthenticationSession session, string path, string? baseUrl = null)
    {
        using var response = await SendRawAsync(session, path, baseUrl);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> SendWithRecoveryAsync(AuthenticationSession session, string path)
    {
        using var first = await SendRawAsync(session, path, null);
        if (first.StatusCode != HttpStatusCode.Unauthorized || !await session.RecoverAsync(first, TestContext.Current.CancellationToken))
        {
            return first.StatusCode;
        }

        return await SendAsync(session, path);
    }

    private async Task<HttpResponseMessage> SendRawAsync(AuthenticationSession session, string path, string? baseUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, (baseUrl ?? _server.Url) + path);
        session.Apply(request);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
