using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Model;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Scaling;

/// <summary>
/// Scale-out on PostgreSQL: two hub processes on one database both serve invocations, and an OAuth 2.0
/// connection gets its token once and refreshes it once across both (DistributedLock.Postgres + the token store).
/// </summary>
public sealed class ScaleOutTests(TwoHubs hubs) : ScaleOutTestClass, IClassFixture<TwoHubs>
{
    private const int Calls = 24;

    [Fact]
    public async Task Both_hubs_serve_invocations_of_a_connector_installed_once()
    {
        var name = "Echo " + Guid.NewGuid().ToString("N")[..8];
        await hubs.InstallAsync(new TestConnector { Name = name }
            .Invoke("greet", "callback(RESPONSE({ text: 'Hello ' + data.inputs.input.who }, null, 200));", inputs: [new DataNode { Name = "who", Type = DataType.String }], outputs: [new DataNode { Name = "text", Type = DataType.String }])
            .Build());

        var answers = await InvokeOnBothAsync(name, "greet", i => new { who = "caller " + i });

        answers.ShouldAllBe(a => a["success"]!.GetValue<bool>());
        answers.Select(a => a["output"]!["text"]!.GetValue<string>()).ShouldBe(Enumerable.Range(0, Calls).Select(i => "Hello caller " + i));
        var nodes = await hubs.QueryAsync(db => db.Invocations.Where(i => i.ConnectorName == name).Select(i => i.Node).Distinct().ToListAsync(Cancel));
        nodes.Count.ShouldBe(2, "each hub records the invocations it ran under its own node name");
    }

    [Fact]
    public async Task An_oauth_token_is_fetched_once_and_refreshed_once_across_both_hubs()
    {
        var name = "OAuth " + Guid.NewGuid().ToString("N")[..8];
        await hubs.InstallAsync(new TestConnector { Name = name }
            .Invoke("call", hubs.OAuth.CallApiCode)
            .Build().With(
                AuthenticationMethod.OAuth2,
                hubs.OAuth.Url,
                OAuth2Grant.Password,
                [.. new[] { "token_url", "client_id", "client_secret", "username", "password", "scope" }.Select(p => new ConnectorParameter { Name = p, PasswordMode = p is "client_secret" or "password" })]));
        await hubs.ConfigureAsync(name, "Test",
            ("token_url", hubs.OAuth.TokenUrl, false),
            ("client_id", OAuthServer.ServiceClient, false),
            ("client_secret", OAuthServer.ServiceSecret, true),
            ("username", OAuthServer.User, false),
            ("password", OAuthServer.UserPassword, true),
            ("scope", "api offline_access", false));
        var before = hubs.OAuth.TokenRequests;
        hubs.OAuth.GrantTypes.Clear();

        await InvokeWhileTheTokenEndpointIsHeldAsync(name);
        (hubs.OAuth.TokenRequests - before).ShouldBe(1, "the password grant, once for both hubs");
        var stored = await hubs.QueryAsync(db => db.OAuthTokens.SingleAsync(Cancel));
        var expires = stored.AccessTokenExpiresAt.ShouldNotBeNull();

        var untilExpired = expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200);
        if (untilExpired > TimeSpan.Zero)
        {
            await Task.Delay(untilExpired, Cancel); // real clocks in other processes: the expiry itself is the event
        }

        await InvokeWhileTheTokenEndpointIsHeldAsync(name);
        (hubs.OAuth.TokenRequests - before).ShouldBe(2, "one refresh for both hubs");
        hubs.OAuth.GrantTypes.ShouldBe(["password", "refresh_token"]);
        (await hubs.QueryAsync(db => db.OAuthTokens.SingleAsync(Cancel))).AccessTokenExpiresAt.ShouldNotBe(expires);
        var nodes = await hubs.QueryAsync(db => db.Invocations.Where(i => i.ConnectorName == name).Select(i => i.Node).Distinct().CountAsync(Cancel));
        nodes.ShouldBe(2);
    }

    /// <summary>
    /// Invokes on both hubs at once while the token endpoint holds the first token request, until the other
    /// hub is seen waiting on the advisory lock; then lets the request through. Every call must reach the API.
    /// </summary>
    private async Task InvokeWhileTheTokenEndpointIsHeldAsync(string name)
    {
        var hold = hubs.OAuth.HoldTokens();
        Task<JsonObject[]> calls;
        try
        {
            calls = InvokeOnBothAsync(name, "call", _ => new { });
            await hubs.OAuth.TokenRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
            await hubs.WaitForALockWaiterAsync();
        }
        finally
        {
            hubs.OAuth.HoldTokenRequests = null;
            hold.SetResult();
        }

        var answers = await calls;
        foreach (var answer in answers)
        {
            answer["success"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
            answer["output"]!["status"]!.GetValue<double>().ShouldBe(200, answer.ToJsonString());
        }
    }

    /// <summary>Sends <see cref="Calls"/> invocations at once, alternately to each hub, and returns the answers in order.</summary>
    private async Task<JsonObject[]> InvokeOnBothAsync(string connector, string action, Func<int, object> inputs)
    {
        using var a = hubs.A.Client(hubs.AdminKey);
        using var b = hubs.B.Client(hubs.AdminKey);
        var uri = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(connector)}/versions/1/actions/{action}/invoke", UriKind.Relative);
        return await Task.WhenAll(Enumerable.Range(0, Calls).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? a : b).PostAsJsonAsync(uri, new { environment = "Test", inputs = inputs(i) }, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            response.IsSuccessStatusCode.ShouldBeTrue(body);
            return JsonNode.Parse(body)!.AsObject();
        }));
    }
}
