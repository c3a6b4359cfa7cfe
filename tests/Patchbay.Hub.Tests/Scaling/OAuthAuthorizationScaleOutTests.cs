using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Scaling;

/// <summary>
/// An OAuth 2.0 authorization started on one hub completes wherever the person's redirect lands: on the other
/// hub behind the load balancer, or on the starting hub after it restarted. No sticky sessions.
/// </summary>
public sealed class OAuthAuthorizationScaleOutTests(TwoHubs hubs) : ScaleOutTestClass, IClassFixture<TwoHubs>
{
    [Fact]
    public async Task An_authorization_started_on_one_hub_completes_on_the_other()
    {
        var name = await InstallAsync();
        using var a = hubs.A.Client(hubs.AdminKey);
        var authorizeUrl = await StartAsync(a, name);
        var (state, code) = await OAuthServer.AuthorizeAsPersonAsync(authorizeUrl);

        var page = await CallbackAsync(hubs.B, state, code);

        page.ShouldContain($"{name} 1 Test is connected");
        var invoked = await (await a.InvokeAsync(name, new { environment = "Test" })).JsonAsync();
        invoked["success"]!.GetValue<bool>().ShouldBeTrue(invoked.ToJsonString());
        invoked["output"]!["body"]!.GetValue<string>().ShouldContain(OAuthServer.User, customMessage: "hub A uses the tokens hub B obtained");
    }

    [Fact]
    public async Task An_authorization_survives_a_restart_of_the_hub_that_started_it()
    {
        var name = await InstallAsync();
        var dataFolder = Directory.CreateTempSubdirectory("patchbay-restarted-").FullName;
        try
        {
            Uri authorizeUrl;
            await using (var hub = await HubProcess.StartAsync(hubs.ConnectionString, hubs.AdminKey, [], Cancel, dataFolder))
            {
                using var client = hub.Client(hubs.AdminKey);
                authorizeUrl = await StartAsync(client, name);
                await hub.KillAsync();
            }

            var (state, code) = await OAuthServer.AuthorizeAsPersonAsync(authorizeUrl);
            await using var restarted = await HubProcess.StartAsync(hubs.ConnectionString, hubs.AdminKey, [], Cancel, dataFolder);

            (await CallbackAsync(restarted, state, code)).ShouldContain($"{name} 1 Test is connected");
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static async Task<Uri> StartAsync(HttpClient client, string name)
    {
        var uri = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/Test/oauth/authorize", UriKind.Relative);
        using var response = await client.PostAsJsonAsync(uri, new { redirectUri = OAuthServer.RedirectUri }, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return new Uri(JsonNode.Parse(body)!["authorizeUrl"]!.GetValue<string>());
    }

    /// <summary>The redirect, as the person's browser follows it: no API key.</summary>
    private static async Task<string> CallbackAsync(HubProcess hub, string state, string code)
    {
        using var browser = new HttpClient { BaseAddress = hub.Address };
        using var response = await browser.GetAsync(new Uri($"/oauth/callback?state={Uri.EscapeDataString(state)}&code={Uri.EscapeDataString(code)}", UriKind.Relative), Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        return page;
    }

    private async Task<string> InstallAsync()
    {
        var name = "OAuth " + Guid.NewGuid().ToString("N")[..8];
        await hubs.InstallAsync(new TestConnector { Name = name }
            .Invoke("call", hubs.OAuth.CallApiCode, outputs: [new DataNode { Name = "status", Type = DataType.Integer }, new DataNode { Name = "body", Type = DataType.String }])
            .Build().With(
                AuthenticationMethod.OAuth2,
                hubs.OAuth.Url,
                OAuth2Grant.AuthorizationCode,
                [.. new[] { "token_url", "authorize_url", "client_id", "client_secret", "scope" }.Select(p => new ConnectorParameter { Name = p, PasswordMode = p == "client_secret" })]));
        await hubs.ConfigureAsync(name, "Test",
            ("token_url", hubs.OAuth.TokenUrl, false),
            ("authorize_url", hubs.OAuth.AuthorizeUrl, false),
            ("client_id", OAuthServer.InteractiveClient, false),
            ("client_secret", OAuthServer.InteractiveSecret, true),
            ("scope", "api offline_access", false));
        return name;
    }
}
