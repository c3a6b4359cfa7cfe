using Microsoft.Extensions.Logging.Abstractions;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Authentication;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>Easy REST actions signed by the built-in authenticators, end to end through the runtime and real servers.</summary>
[Trait("Category", "Integration")]
[Collection(OAuthServerGroup.Name)]
public sealed class BuiltInAuthenticationTests(OAuthServer server) : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "patchbay-rest-auth-" + Guid.NewGuid().ToString("N")[..8]);
    private ConnectorRuntime _runtime = null!;

    public async ValueTask InitializeAsync() =>
        _runtime = await ConnectorRuntime.CreateAsync(new RuntimeOptions { WorkFolder = _work }, TimeProvider.System, NullLoggerFactory.Instance, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task OAuth2ClientCredentials_SignsTheRequest_AndTheTokenIsNotInTheTrace()
    {
        var connector = OAuthConnector();

        var result = await _runtime.RunAsync(connector, "resource", edit: WithClientCredentials);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!["subject"]!.GetValue<string>().ShouldBe(OAuthServer.ServiceClient);
        result.HttpCalls.ShouldContain(c => c.Url.EndsWith("/api/resource", StringComparison.Ordinal) && c.Status == 200);
    }

    [Fact]
    public async Task OAuth2_ApiAnswers401_TheTokenIsRenewedOnceAndTheRequestSentAgain()
    {
        var connector = OAuthConnector();
        var token = await _runtime.RunAsync(connector, "token", edit: WithClientCredentials);
        server.RefusedTokens[token.Output()!["token"]!.GetValue<string>()] = true; // the API stops accepting it before it expires
        var tokenRequests = server.TokenRequests;

        var result = await _runtime.RunAsync(connector, "resource", edit: r => WithClientCredentials(r) with { EnableLog = true });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        (server.TokenRequests - tokenRequests).ShouldBe(1);
        result.HttpCalls.Where(c => c.Url.EndsWith("/api/resource", StringComparison.Ordinal)).Select(c => c.Status).ShouldBe([401, 200]);
        result.Logs.ShouldContain(l => l.Text.Contains("renewed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Digest_AnswersTheServersChallenge()
    {
        await using var digest = new DigestServer();
        await digest.InitializeAsync();
        var connector = new RestConnector(digest.Url).Action("page", RestConnector.Get("/dir/index.html") with { UseAuthentication = true }).Build()
            .With(AuthenticationMethod.Digest, digest.Url, parameters: [new ConnectorParameter { Name = "username" }, new ConnectorParameter { Name = "password", PasswordMode = true }]);

        var result = await _runtime.RunAsync(connector, "page", edit: r => r with
        {
            AuthenticationParameters = new Dictionary<string, string> { ["username"] = DigestServer.User, ["password"] = DigestServer.Password },
        });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        digest.Accepted.ShouldNotBeEmpty();
    }

    /// <summary>A REST action on the protected API, plus a custom action that tells the cached token (same connection).</summary>
    private ConnectorPackage OAuthConnector()
    {
        var custom = new TestConnector().Invoke("token", "callback(RESPONSE({ token: globals.authdata.access_token }, null, 200));").Build();
        var rest = new RestConnector(server.Url).Action("resource", RestConnector.Get("/api/resource") with { UseAuthentication = true }).Build();
        return (custom with
        {
            Definition = custom.Definition with
            {
                Type = ConnectorType.EasyRest,
                Actions = [.. custom.Definition.Actions, .. rest.Definition.Actions],
            },
        }).With(AuthenticationMethod.OAuth2, server.Url, OAuth2Grant.ClientCredentials);
    }

    private InvocationRequest WithClientCredentials(InvocationRequest request) => request with
    {
        AuthenticationParameters = new Dictionary<string, string>
        {
            ["token_url"] = server.TokenUrl,
            ["client_id"] = OAuthServer.ServiceClient,
            ["client_secret"] = OAuthServer.ServiceSecret,
            ["scope"] = "api",
        },
    };
}
