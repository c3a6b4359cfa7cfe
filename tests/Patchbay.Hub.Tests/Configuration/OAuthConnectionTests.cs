using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Core.Model;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Configuration;

/// <summary>Connecting an OAuth 2.0 authorization-code connector through the hub, against a real OpenIddict server.</summary>
public abstract class OAuthConnectionTests(HubFixture hub, OAuthServer server) : HubTests(hub)
{
    [Fact]
    public async Task An_operator_connects_an_account_and_invocations_then_use_its_tokens()
    {
        var name = await InstallAsync(OAuth2Grant.AuthorizationCode);
        var operatorKey = await Hub.CreateKeyAsync(Roles.Operator, name: "ops-" + Guid.NewGuid().ToString("N")[..6]);
        var operatorClient = Hub.Client(operatorKey);
        await ConfigureAsync(operatorClient, name);
        var invoker = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var before = await (await invoker.InvokeAsync(name, new { environment = "Test" })).JsonAsync();
        before["success"]!.GetValue<bool>().ShouldBeFalse();
        before["envelope"]!["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("RECONNECT_NEEDED");

        var start = await operatorClient.PostAsJsonAsync(AuthorizeUri(name), new { redirectUri = OAuthServer.RedirectUri }, Cancel);
        start.StatusCode.ShouldBe(HttpStatusCode.OK, await start.Content.ReadAsStringAsync(Cancel));
        var started = await start.JsonAsync();
        var (state, code) = await OAuthServer.AuthorizeAsPersonAsync(new Uri(started["authorizeUrl"]!.GetValue<string>()));
        state.ShouldBe(started["state"]!.GetValue<string>());
        var callback = await Hub.Client(null).GetAsync(CallbackUri(state, code), Cancel);

        var page = await callback.Content.ReadAsStringAsync(Cancel);
        callback.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        callback.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.ShouldContain($"{name} 1 Test is connected");
        var after = await (await invoker.InvokeAsync(name, new { environment = "Test" })).JsonAsync();
        after["success"]!.GetValue<bool>().ShouldBeTrue(after.ToJsonString());
        after["output"]!["body"]!.GetValue<string>().ShouldContain(OAuthServer.User);
        var audit = await Hub.QueryAsync(db => db.Audit.Where(a => a.Target == $"{name} 1 Test" && a.Action.StartsWith("oauth.")).OrderBy(a => a.Id).ToListAsync(Cancel));
        audit.Select(a => (a.Action, a.Actor.StartsWith("ops-", StringComparison.Ordinal))).ShouldBe([("oauth.authorize", true), ("oauth.connected", true)]);

        var replay = await Hub.Client(null).GetAsync(CallbackUri(state, code), Cancel);
        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replay.Content.ReadAsStringAsync(Cancel)).ShouldContain("unknown or has expired");
    }

    [Fact]
    public async Task A_refused_authorization_or_a_forged_state_connects_nothing()
    {
        var name = await InstallAsync(OAuth2Grant.AuthorizationCode);
        await ConfigureAsync(Hub.Admin, name);
        var started = await (await Hub.Admin.PostAsJsonAsync(AuthorizeUri(name), new { }, Cancel)).JsonAsync();
        started["redirectUri"]!.GetValue<string>().ShouldBe(new Uri(Hub.BaseAddress, "/oauth/callback").AbsoluteUri, "by default the hub's own redirect endpoint");
        var state = started["state"]!.GetValue<string>();
        var auditBefore = await Hub.QueryAsync(db => db.Audit.CountAsync(Cancel));

        var forged = await Hub.Client(null).GetAsync(CallbackUri("forged", "code"), Cancel);
        var refused = await Hub.Client(null).GetAsync(new Uri($"/oauth/callback?state={Uri.EscapeDataString(state)}&error=access_denied&error_description=The+user+said+no", UriKind.Relative), Cancel);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync(Cancel)).ShouldContain("unknown or has expired");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldContain("access_denied (The user said no)");
        (await Hub.QueryAsync(db => db.Audit.Where(a => a.Action == "oauth.failed").CountAsync(a => a.Target == $"{name} 1 Test", Cancel))).ShouldBe(1);
        (await Hub.QueryAsync(db => db.Audit.CountAsync(Cancel))).ShouldBe(auditBefore + 1, "the forged state records nothing");
    }

    [Fact]
    public async Task Starting_is_refused_with_the_reason_for_other_methods_unknown_places_and_bad_values()
    {
        var clientCredentials = await InstallAsync(OAuth2Grant.ClientCredentials);
        var name = await InstallAsync(OAuth2Grant.AuthorizationCode);

        var otherGrant = await Hub.Admin.PostAsJsonAsync(AuthorizeUri(clientCredentials), new { }, Cancel);
        var noEnvironment = await Hub.Admin.PostAsJsonAsync(AuthorizeUri(name, "Nowhere"), new { }, Cancel);
        var badRedirect = await Hub.Admin.PostAsJsonAsync(AuthorizeUri(name), new { redirectUri = "ftp://example.com/cb" }, Cancel);
        var notConfigured = await Hub.Admin.PostAsJsonAsync(AuthorizeUri(name), new { }, Cancel);
        var invoker = await Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker)).PostAsJsonAsync(AuthorizeUri(name), new { }, Cancel);

        otherGrant.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await otherGrant.Content.ReadAsStringAsync(Cancel)).ShouldContain("authorization code grant");
        noEnvironment.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        badRedirect.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badRedirect.Content.ReadAsStringAsync(Cancel)).ShouldContain("$.redirectUri");
        notConfigured.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await notConfigured.Content.ReadAsStringAsync(Cancel);
        problem.ShouldContain("authenticationParameters");
        problem.ShouldContain("token_url");
        invoker.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Two_redirects_racing_with_one_state_connect_once()
    {
        var name = await InstallAsync(OAuth2Grant.AuthorizationCode);
        await ConfigureAsync(Hub.Admin, name);
        var started = await (await Hub.Admin.PostAsJsonAsync(AuthorizeUri(name), new { redirectUri = OAuthServer.RedirectUri }, Cancel)).JsonAsync();
        var (state, code) = await OAuthServer.AuthorizeAsPersonAsync(new Uri(started["authorizeUrl"]!.GetValue<string>()));

        var callbacks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Hub.Client(null).GetAsync(CallbackUri(state, code), Cancel)));

        callbacks.Select(c => c.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.BadRequest], ignoreOrder: true);
        (await callbacks.Single(c => c.StatusCode == HttpStatusCode.BadRequest).Content.ReadAsStringAsync(Cancel)).ShouldContain("unknown or has expired");
        (await Hub.QueryAsync(db => db.Audit.CountAsync(a => a.Target == $"{name} 1 Test" && a.Action == "oauth.connected", Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task An_expired_authorization_is_refused_and_the_purge_removes_those_nobody_came_back_for()
    {
        var name = await InstallAsync(OAuth2Grant.AuthorizationCode);
        await ConfigureAsync(Hub.Admin, name);
        var expired = await StartAsync(name);
        var abandoned = await StartAsync(name);
        var waiting = await StartAsync(name);
        await ExpireAsync(expired.State);
        await ExpireAsync(abandoned.State);
        var (_, code) = await OAuthServer.AuthorizeAsPersonAsync(expired.AuthorizeUrl);

        var callback = await Hub.Client(null).GetAsync(CallbackUri(expired.State, code), Cancel);
        await using (var scope = Hub.Hub.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(Cancel)).OAuthAuthorizations.ShouldBeGreaterThanOrEqualTo(1);
        }

        callback.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await callback.Content.ReadAsStringAsync(Cancel)).ShouldContain("unknown or has expired");
        var left = await Hub.QueryAsync(db => db.OAuthAuthorizations.Where(a => a.ConnectorName == name).Select(a => a.StateHash).ToListAsync(Cancel));
        left.ShouldBe([StateHash(waiting.State)], "the expired one was taken by its redirect, the abandoned one purged");
    }

    [Fact]
    public async Task Neither_the_state_nor_the_code_verifier_is_stored_in_clear()
    {
        var name = await InstallAsync(OAuth2Grant.AuthorizationCode);
        await ConfigureAsync(Hub.Admin, name);

        var started = await StartAsync(name);

        var hash = StateHash(started.State);
        var row = await Hub.QueryAsync(db => db.OAuthAuthorizations.AsNoTracking().SingleAsync(a => a.StateHash == hash, Cancel));
        var verifier = Hub.Hub.Services.GetRequiredService<SecretProtector>().Unprotect(row.ProtectedCodeVerifier);
        var challenge = System.Web.HttpUtility.ParseQueryString(started.AuthorizeUrl.Query)["code_challenge"];
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).ShouldBe(challenge, "the stored verifier is the one the challenge was made from");
        var stored = string.Join(" ", row.StateHash, row.StartedBy, row.ConnectorName, row.Environment, row.Connection, row.RedirectUri, row.ProtectedCodeVerifier);
        stored.ShouldNotContain(verifier);
        stored.ShouldNotContain(started.State);
        row.ExpiresAt.ShouldBe(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
    }

    private async Task<(string State, Uri AuthorizeUrl)> StartAsync(string name)
    {
        var response = await Hub.Admin.PostAsJsonAsync(AuthorizeUri(name), new { redirectUri = OAuthServer.RedirectUri }, Cancel);
        var started = await response.JsonAsync();
        return (started["state"]!.GetValue<string>(), new Uri(started["authorizeUrl"]!.GetValue<string>()));
    }

    /// <summary>Moves an authorization's expiry into the past, as ten minutes of waiting would.</summary>
    private Task<int> ExpireAsync(string state) => Hub.QueryAsync(async db =>
    {
        var hash = StateHash(state);
        var row = await db.OAuthAuthorizations.SingleAsync(a => a.StateHash == hash, Cancel);
        row.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        return await db.SaveChangesAsync(Cancel);
    });

    private static string StateHash(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private static Uri AuthorizeUri(string name, string environment = "Test") =>
        new($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/{environment}/oauth/authorize", UriKind.Relative);

    private static Uri CallbackUri(string state, string code) =>
        new($"/oauth/callback?state={Uri.EscapeDataString(state)}&code={Uri.EscapeDataString(code)}", UriKind.Relative);

    private async Task<string> InstallAsync(OAuth2Grant grant)
    {
        var name = "OAuth " + Guid.NewGuid().ToString("N")[..8];
        var package = new TestConnector { Name = name }
            .Invoke("call", server.CallApiCode, outputs: [new DataNode { Name = "status", Type = DataType.Integer }, new DataNode { Name = "body", Type = DataType.String }])
            .Build()
            .With(
                AuthenticationMethod.OAuth2,
                server.Url,
                grant,
                new ConnectorParameter { Name = "token_url" },
                new ConnectorParameter { Name = "authorize_url" },
                new ConnectorParameter { Name = "client_id" },
                new ConnectorParameter { Name = "client_secret", PasswordMode = true },
                new ConnectorParameter { Name = "scope" });
        return await Hub.InstallAsync(package);
    }

    private async Task ConfigureAsync(HttpClient client, string name)
    {
        var uri = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/Test/config", UriKind.Relative);
        var response = await client.PutAsJsonAsync(uri, new
        {
            authenticationParameters = new Dictionary<string, string>
            {
                ["token_url"] = server.TokenUrl,
                ["authorize_url"] = server.AuthorizeUrl,
                ["client_id"] = OAuthServer.InteractiveClient,
                ["client_secret"] = OAuthServer.InteractiveSecret,
                ["scope"] = "api offline_access",
            },
        }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
    }
}

public sealed class SqliteOAuthConnectionTests(SqliteHub hub, OAuthServer server) : OAuthConnectionTests(hub, server), IClassFixture<SqliteHub>, IClassFixture<OAuthServer>;

public sealed class PostgresOAuthConnectionTests(PostgresHub hub, OAuthServer server) : OAuthConnectionTests(hub, server), IClassFixture<PostgresHub>, IClassFixture<OAuthServer>;
