using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Operations;
using Patchbay.Hub.Tests.Support;
using static Patchbay.Hub.Tests.Connectors.ConnectorUploads;

namespace Patchbay.Hub.Tests.Hostile;

/// <summary>
/// The API used with hostile intent, on every endpoint the running hub maps (read from its EndpointDataSource, so an
/// endpoint added later is covered without a change here): no key, the wrong role, bodies too large or malformed,
/// injection in route values, bodies and filters. Every answer is a problem document, never a 500; nothing hostile
/// is stored, and what is stored as a name is kept and searched as the literal text it is.
/// </summary>
public abstract class HostileApiTests(HubFixture hub) : HubTests(hub)
{
    /// <summary>Documented in docs/hub.md: health, the OAuth redirect and the UI's sign-in and "not allowed" pages.</summary>
    private static readonly string[] Anonymous = ["/health/live", "/health/ready", "/oauth/callback", "/signin", "/denied"];

    /// <summary>Text an attacker puts where a name goes.</summary>
    public static TheoryData<string> HostileNames => new()
    {
        "' OR 1=1 --",
        "\"; DROP TABLE connectors; --",
        "../../../etc/passwd",
        "..\\..\\keys",
        "%00",
        "%2e%2e%2f",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u202Egnp.exe",
        "zero\u200Bwidth",
        "bell\u0007and\u001Bescape",
        "line\nbreak",
        new string('a', 2000),
        "😀𝓤𝓷𝓲𝓬𝓸𝓭𝓮",
    };

    private IEnumerable<HubEndpoint> ApiEndpoints => AccessMatrix.Endpoints(Hub).Where(e => !e.IsUi);

    [Fact]
    public async Task Every_api_refusal_of_a_missing_or_wrong_key_is_a_problem_document()
    {
        AccessMatrix.Endpoints(Hub).Where(e => e.Anonymous).Select(e => e.Route).ShouldBe(Anonymous, ignoreOrder: true);
        var anonymous = Hub.Client(null);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            clients[role] = Hub.Client(await Hub.CreateKeyAsync(role));
        }

        var wrong = new List<string>();
        var checkedForbidden = 0;
        foreach (var endpoint in ApiEndpoints.Where(e => !e.Anonymous))
        {
            foreach (var method in endpoint.Methods)
            {
                wrong.AddRange(await ProblemOrWhyNotAsync(await SendAsync(anonymous, method, endpoint.Url), HttpStatusCode.Unauthorized, $"{method} {endpoint.Url} without a key"));
                foreach (var role in Roles.All.Where(r => !endpoint.Policies.All(p => Policies.RolesOf[p].Contains(r))))
                {
                    checkedForbidden++;
                    wrong.AddRange(await ProblemOrWhyNotAsync(await SendAsync(clients[role], method, endpoint.Url), HttpStatusCode.Forbidden, $"{method} {endpoint.Url} as {role}"));
                }
            }
        }

        wrong.ShouldBeEmpty();
        checkedForbidden.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_place_on_every_endpoint_that_reads_json()
    {
        var readers = ApiEndpoints.Where(e => e.Accepts.Contains("application/json") || e.Route.EndsWith("/invoke", StringComparison.Ordinal)).ToList();
        readers.Count.ShouldBeGreaterThan(5);
        var wrong = new List<string>();
        foreach (var endpoint in readers)
        {
            foreach (var method in endpoint.Methods)
            {
                foreach (var (body, place) in new[] { ("{\"name\": ", "$"), ("{\"name\": \"x\",}", "$"), ("[1, 2]", "$"), ("{\"name\": {\"deep\": " + new string('[', 1000) + "}}", "$") })
                {
                    var response = await SendAsync(Hub.Admin, method, endpoint.Url, body);
                    var why = await ProblemOrWhyNotAsync(response, HttpStatusCode.BadRequest, $"{method} {endpoint.Url} with {body[..Math.Min(body.Length, 20)]}");
                    wrong.AddRange(why);
                    if (why.Count == 0)
                    {
                        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
                        var path = problem["errors"]?[0]?["path"]?.GetValue<string>();
                        if (path is null || !path.StartsWith(place, StringComparison.Ordinal))
                        {
                            wrong.Add($"{method} {endpoint.Url} with {body[..Math.Min(body.Length, 20)]}: the problem names no place ({problem.ToJsonString()})");
                        }
                    }
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_of_another_type_is_a_415_problem_naming_json_on_every_endpoint_that_reads_json()
    {
        var readers = ApiEndpoints.Where(e => e.Accepts.Contains("application/json")).ToList();
        readers.Count.ShouldBeGreaterThan(5);
        var wrong = new List<string>();
        foreach (var endpoint in readers)
        {
            foreach (var method in endpoint.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(endpoint.Url, UriKind.Relative)) { Content = new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain") };
                var response = await Hub.Admin.SendAsync(request, Cancel);
                var why = await ProblemOrWhyNotAsync(response, HttpStatusCode.UnsupportedMediaType, $"{method} {endpoint.Url} with text/plain");
                wrong.AddRange(why);
                if (why.Count == 0 && !(await response.Content.ReadAsStringAsync(Cancel)).Contains("application/json", StringComparison.Ordinal))
                {
                    wrong.Add($"{method} {endpoint.Url}: the problem does not name application/json");
                }
            }
        }

        wrong.ShouldBeEmpty();
        (await Hub.Admin.PostAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), new StringContent("x"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem_on_every_endpoint_that_takes_one()
    {
        var wrong = new List<string>();
        foreach (var endpoint in ApiEndpoints.Where(e => !e.Anonymous))
        {
            foreach (var method in endpoint.Methods.Where(m => m is "POST" or "PUT" or "PATCH"))
            {
                var limit = endpoint.TakesUploads ? Hub.Options.MaxUploadBytes : Hub.Options.MaxRequestBytes;
                var content = new ByteArrayContent(new byte[limit + 1]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(endpoint.Url, UriKind.Relative)) { Content = content };
                request.Headers.ExpectContinue = true; // refused on the declared length, before the body is sent
                wrong.AddRange(await ProblemOrWhyNotAsync(await Hub.Admin.SendAsync(request, Cancel), HttpStatusCode.RequestEntityTooLarge, $"{method} {endpoint.Url}"));
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Hostile_route_values_are_refused_or_not_found_and_change_nothing(string value)
    {
        var before = await CountsAsync();
        var wrong = new List<string>();
        foreach (var endpoint in ApiEndpoints.Where(e => !e.Anonymous && e.Route.Contains('{', StringComparison.Ordinal)))
        {
            var url = AccessMatrix.Url(endpoint.Route, value);
            foreach (var method in endpoint.Methods)
            {
                var response = await SendAsync(Hub.Admin, method, url, "{}");
                if ((int)response.StatusCode >= 500 || (response.IsSuccessStatusCode && method != "GET"))
                {
                    wrong.Add($"{method} {endpoint.Route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
                }
                else if (!response.IsSuccessStatusCode)
                {
                    wrong.AddRange(await ProblemOrWhyNotAsync(response, response.StatusCode, $"{method} {endpoint.Route}"));
                }
            }
        }

        wrong.ShouldBeEmpty();
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_nul_byte_in_the_path_is_refused_by_the_server_before_the_hub_sees_it()
    {
        // Kestrel rejects the request line itself with a bare 400 (no endpoint, middleware or document runs): the one
        // refusal that is not a problem document, documented in docs/hub.md.
        var response = await Hub.Admin.GetAsync(new Uri("/api/v1/connectors/a%00b", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await Hub.ShouldStillServeAsync();
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Hostile_names_in_bodies_are_refused_naming_the_field_or_kept_as_literal_text(string name)
    {
        var environment = await Hub.Admin.PostAsJsonAsync(new Uri("/api/v1/environments", UriKind.Relative), new { name, description = name }, Cancel);
        var key = await Hub.Admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { name, role = Roles.Invoker, connectors = new[] { name } }, Cancel);
        var user = await Hub.Admin.PostAsJsonAsync(new Uri("/api/v1/users", UriKind.Relative), new { name, role = Roles.Operator, password = "correct horse battery" }, Cancel);

        // Environments take letters, digits, '-', '_' and spaces only.
        (await environment.ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldContain("request $.name");
        var invisible = name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format);
        if (invisible || name.Trim().Length > KeyRules.MaxNameLength)
        {
            (await key.ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldContain("request $.name");
            (await user.ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldContain("request $.name");
            (await Hub.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Name == name, Cancel))).ShouldBe(0);
            (await Hub.QueryAsync(db => db.Users.CountAsync(u => u.Name == name, Cancel))).ShouldBe(0);
        }
        else
        {
            key.StatusCode.ShouldBe(HttpStatusCode.Created, await key.Content.ReadAsStringAsync(Cancel));
            user.StatusCode.ShouldBe(HttpStatusCode.Created, await user.Content.ReadAsStringAsync(Cancel));
            var keys = await Hub.Admin.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/keys", UriKind.Relative), Cancel);
            keys!.Count(k => k!["name"]!.GetValue<string>() == name.Trim()).ShouldBe(1);
            var audit = await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/audit?action=key.create&target=" + Uri.EscapeDataString(name.Trim()), UriKind.Relative), Cancel);
            audit!["total"]!.GetValue<int>().ShouldBe(1, "the audit log's target filter matches the literal name");
        }
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("' OR 1=1 --")]
    [InlineData("' OR '1'='1")]
    [InlineData("*")]
    [InlineData(".*")]
    public async Task Filters_are_literal_text(string filter)
    {
        var name = await Hub.InstallAsync(Package(UniqueName("Filtered")));
        (await Hub.Admin.PostAsJsonAsync(new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/actions/greet/invoke", UriKind.Relative), new { environment = "Test", inputs = new { who = "Ada" } }, Cancel)).EnsureSuccessStatusCode();
        var escaped = Uri.EscapeDataString(filter);

        var history = await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/invocations?connector={escaped}", UriKind.Relative), Cancel);
        var byAction = await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/invocations?action={escaped}&caller={escaped}", UriKind.Relative), Cancel);
        var byEnvironment = await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/invocations?environment={escaped}", UriKind.Relative), Cancel);
        var audit = await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/audit?target={escaped}", UriKind.Relative), Cancel);
        var auditByActor = await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/audit?actor={escaped}&action={escaped}", UriKind.Relative), Cancel);
        var connectors = await Hub.Admin.GetFromJsonAsync<JsonArray>(new Uri($"/api/v1/connectors?search={escaped}", UriKind.Relative), Cancel);
        var outcome = await Hub.Admin.GetAsync(new Uri($"/api/v1/invocations?outcome={escaped}", UriKind.Relative), Cancel);
        var status = await Hub.Admin.GetAsync(new Uri($"/api/v1/invocations?status={escaped}", UriKind.Relative), Cancel);

        history!["total"]!.GetValue<int>().ShouldBe(0);
        byAction!["total"]!.GetValue<int>().ShouldBe(0);
        byEnvironment!["total"]!.GetValue<int>().ShouldBe(0);
        audit!["total"]!.GetValue<int>().ShouldBe(await Hub.QueryAsync(async db => (await db.Audit.Select(a => a.Target).ToListAsync(Cancel)).Count(t => t.Contains(filter, StringComparison.Ordinal))));
        auditByActor!["total"]!.GetValue<int>().ShouldBe(0);
        connectors!.Count.ShouldBe(0);
        (await outcome.ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldBe(["request query.outcome"]);
        (await status.ProblemAsync(HttpStatusCode.BadRequest)).Errors().ShouldBe(["request query.status"]);
        var control = await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/invocations?connector={Uri.EscapeDataString(name)}", UriKind.Relative), Cancel);
        control!["total"]!.GetValue<int>().ShouldBe(1);
    }

    /// <summary>Nothing, when the answer is a problem document of that status that leaks nothing; otherwise why not.</summary>
    private async Task<List<string>> ProblemOrWhyNotAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var problems = new List<string>();
        if (response.StatusCode != expected)
        {
            problems.Add($"{what}: {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }
        else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            problems.Add($"{what}: {(int)response.StatusCode} as '{response.Content.Headers.ContentType}', not a problem document: {text}");
        }
        else if (text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal) || text.Contains(Hub.DataFolder, StringComparison.Ordinal))
        {
            problems.Add($"{what}: the problem leaks the hub's internals: {text}");
        }

        return problems;
    }

    private async Task<string> CountsAsync() => await Hub.QueryAsync(async db => string.Join(
        ", ",
        $"connectors {await db.Connectors.CountAsync(Cancel)}",
        $"environments {await db.Environments.CountAsync(Cancel)}",
        $"configs {await db.ConnectorConfigs.CountAsync(Cancel)}",
        $"keys {await db.ApiKeys.CountAsync(Cancel)}",
        $"users {await db.Users.CountAsync(Cancel)}",
        $"invocations {await db.Invocations.CountAsync(Cancel)}",
        $"jobs {await db.Jobs.CountAsync(Cancel)}",
        $"drafts {await db.Drafts.CountAsync(Cancel)}",
        $"audit {await db.Audit.CountAsync(Cancel)}"));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, Cancel);
    }
}

public sealed class SqliteHostileApiTests(SqliteHub hub) : HostileApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresHostileApiTests(PostgresHub hub) : HostileApiTests(hub), IClassFixture<PostgresHub>;
