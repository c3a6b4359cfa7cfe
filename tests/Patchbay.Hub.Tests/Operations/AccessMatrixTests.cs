using System.Net;
using System.Text;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

/// <summary>
/// Every endpoint of the running hub, whoever mapped it: none but health, the OAuth redirect (a browser coming
/// back from an authorization server, bringing a state only a started authorization knows) and the UI's sign-in
/// and "not allowed" pages answers without a key or session (a UI page sends the visitor to sign in), and each
/// policy lets in exactly the roles <see cref="Policies.RolesOf"/> gives it. Endpoints added later are covered
/// without a change here.
/// </summary>
public abstract class AccessMatrixTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task Every_endpoint_but_health_sign_in_and_the_oauth_redirect_refuses_a_caller_without_a_key()
    {
        var endpoints = AccessMatrix.Endpoints(Hub);
        endpoints.Where(e => e.Anonymous).Select(e => e.Route).ShouldBe(["/health/live", "/health/ready", "/oauth/callback", "/signin", "/denied"], ignoreOrder: true);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Hub.BaseAddress };
        var answers = new List<string>();

        // Blazor's own plumbing (the circuit's SignalR hub, redirects for enhanced navigation) holds no data:
        // a circuit runs with the user of the session cookie that opened it.
        foreach (var endpoint in endpoints.Where(e => !e.Anonymous && !e.Route.StartsWith("/_blazor", StringComparison.Ordinal) && !e.Route.StartsWith("/_framework", StringComparison.Ordinal)))
        {
            foreach (var method in endpoint.Methods)
            {
                var response = await SendAsync(anonymous, method, endpoint.Url);
                var refusal = endpoint.IsUi ? "302 " + response.Headers.Location?.AbsolutePath : "401";
                answers.Add($"{method} {endpoint.Url} -> {(endpoint.IsUi ? (int)response.StatusCode + " " + response.Headers.Location?.AbsolutePath : (int)response.StatusCode)} (expected {refusal})");
            }
        }

        answers.ShouldNotBeEmpty();
        answers.ShouldAllBe(a => a.EndsWith("-> 401 (expected 401)", StringComparison.Ordinal) || a.EndsWith("-> 302 /signin (expected 302 /signin)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_policy_admits_exactly_its_roles()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            clients[role] = Hub.Client(await Hub.CreateKeyAsync(role));
        }

        var wrong = new List<string>();
        var checkedPolicies = new HashSet<string>();
        foreach (var endpoint in AccessMatrix.Endpoints(Hub).Where(e => !e.Anonymous))
        {
            var admitted = endpoint.Policies.Count == 0
                ? Roles.All
                : Roles.All.Where(r => endpoint.Policies.All(p => Policies.RolesOf[p].Contains(r))).ToList();
            checkedPolicies.UnionWith(endpoint.Policies);
            foreach (var method in endpoint.Methods)
            {
                foreach (var role in Roles.All)
                {
                    var status = (await SendAsync(clients[role], method, endpoint.Url)).StatusCode;
                    var allowed = status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
                    if (allowed != admitted.Contains(role))
                    {
                        wrong.Add($"{method} {endpoint.Url} as {role}: {(int)status}");
                    }
                }
            }
        }

        wrong.ShouldBeEmpty();
        checkedPolicies.ShouldContain(Policies.Administer);
    }

    [Fact]
    public async Task No_key_ever_reaches_a_log_line()
    {
        var created = await Hub.Admin.PostAsync(new Uri("/api/v1/keys", UriKind.Relative), Json($$"""{"name":"leak-{{Guid.NewGuid():N}}","role":"invoker"}"""), Cancel);
        var newKey = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync(Cancel))!["key"]!.GetValue<string>();
        foreach (var endpoint in AccessMatrix.Endpoints(Hub))
        {
            foreach (var method in endpoint.Methods)
            {
                await SendAsync(Hub.Admin, method, endpoint.Url + "?key=" + Uri.EscapeDataString(Hub.AdminKey));
                await SendAsync(Hub.Client(newKey), method, endpoint.Url);
            }
        }

        Hub.Logs.Lines.ShouldNotBeEmpty();
        Hub.Logs.All.ShouldNotContain(Hub.AdminKey);
        Hub.Logs.All.ShouldNotContain(newKey);
        Hub.Logs.All.ShouldNotContain(ApiKeys.Hash(newKey));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = Json("{}");
        }

        return client.SendAsync(request, Cancel);
    }
}

public sealed class SqliteAccessMatrixTests(SqliteHub hub) : AccessMatrixTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresAccessMatrixTests(PostgresHub hub) : AccessMatrixTests(hub), IClassFixture<PostgresHub>;
