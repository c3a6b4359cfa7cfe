using Microsoft.AspNetCore.Http;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>With enablelog the engine logs each request and response like Bizagi's debug log; no secret reaches a log, trace or message.</summary>
public sealed class SecretsAndLogsTests(RuntimeFixture fixture, RestApiServer server) : IClassFixture<RuntimeFixture>, IClassFixture<RestApiServer>
{
    private const string Password = "pw-SENTINEL-4711";
    private const string ApiKey = "key-SENTINEL-0815";
    private static readonly string Token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ada:" + Password));

    private Task<InvocationResult> RunAsync(string path) =>
        fixture.Runtime.RunAsync(
            new RestConnector(server.Url)
                .Basic()
                .Parameters(new ConnectorParameter { Name = "apiKey", PasswordMode = true })
                .Action("act", RestConnector.Get(path) with
                {
                    UseAuthentication = true,
                    Headers = [new RestParameter("X-Api-Key", "{{apiKey}}")],
                    Query = [new RestParameter("key", "{{apiKey}}"), new RestParameter("signature", "plain-but-secret-looking")],
                })
                .Build(),
            "act",
            edit: r => r with
            {
                EnableLog = true,
                ConnectorParameters = new Dictionary<string, string> { ["apiKey"] = ApiKey },
                AuthenticationParameters = new Dictionary<string, string> { ["username"] = "ada", ["password"] = Password },
            });

    private static void ShouldHoldNoSecret(InvocationResult result)
    {
        var everything = string.Join('\n', result.Logs.Select(l => l.Text).Concat(result.HttpCalls.Select(c => c.Url)).Append(result.FailureMessage ?? "").Append(result.Envelope["errormessage"]!.ToString()));
        foreach (var secret in new[] { Password, ApiKey, Token })
        {
            everything.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task Success_IsLoggedWithTheAuthorizationMaskedAndNoSecretAnywhere()
    {
        server.Answer("/logged", 200, """{"ok":true}""");

        var result = await RunAsync("/logged");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        server.To("/logged").Single().Header("X-Api-Key").ShouldBe(ApiKey);
        var request = result.Logs.First(l => l.Text.Contains("Request: GET", StringComparison.Ordinal));
        request.Level.ShouldBe("DEBUG");
        request.Text.ShouldContain("\"Authorization\":\"***************************\"");
        result.Logs.ShouldContain(l => l.Text.Contains("Response: 200 OK", StringComparison.Ordinal));
        result.HttpCalls.Single().Url.ShouldBe(server.Url + "/logged?key=********&signature=********");
        ShouldHoldNoSecret(result);
    }

    [Fact]
    public async Task AnErrorThatEchoesTheSecrets_IsRedactedToo()
    {
        server.Map("/echo", async context =>
        {
            context.Response.StatusCode = 418;
            await context.Response.WriteAsync($"bad key {context.Request.Headers["X-Api-Key"]} for {context.Request.Headers.Authorization}");
        });

        var result = await RunAsync("/echo");

        result.StatusCode().ShouldBe(418);
        result.ErrorMessage().ShouldContain("bad key ********");
        ShouldHoldNoSecret(result);
    }

    [Fact]
    public async Task WithoutEnableLog_NothingIsLoggedButCallsAreTraced()
    {
        server.Answer("/quiet", 200, "{}");
        var connector = new RestConnector(server.Url).Action("act", RestConnector.Get("/quiet")).Build();

        var result = await fixture.Runtime.RunAsync(connector, "act");

        result.Logs.ShouldBeEmpty();
        result.HttpCalls.ShouldHaveSingleItem();
    }
}
