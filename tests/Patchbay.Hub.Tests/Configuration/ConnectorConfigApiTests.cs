using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;
using static Patchbay.Hub.Tests.Configuration.ConfigTestConnector;

namespace Patchbay.Hub.Tests.Configuration;

public abstract class ConnectorConfigApiTests(HubFixture hub) : HubTests(hub)
{
    private const string ApiKey = "k3y-Value-never-shown";
    private const string Token = "t0ken-value-never-shown-either";

    [Fact]
    public async Task Values_round_trip_and_password_values_are_only_ever_masked()
    {
        var name = await InstallAsync(Hub);
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Operator));

        var put = await client.PutAsJsonAsync(ConfigUri(name, "Test"), FullConfig(), Cancel);
        var get = await client.GetAsync(ConfigUri(name, "test"), Cancel);

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Cancel));
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var text in new[] { await put.Content.ReadAsStringAsync(Cancel), await get.Content.ReadAsStringAsync(Cancel) })
        {
            text.ShouldNotContain(ApiKey);
            text.ShouldNotContain(Token);
            var view = JsonNode.Parse(text)!;
            view["environment"]!.GetValue<string>().ShouldBe("Test");
            view["timeoutSeconds"]!.GetValue<int>().ShouldBe(20);
            view["loggingEnabled"]!.GetValue<bool>().ShouldBeTrue();
            Parameter(view, "connectorParameters", "greeting")["value"]!.GetValue<string>().ShouldBe("Hello");
            Parameter(view, "connectorParameters", "region")["value"]!.GetValue<string>().ShouldBe("us");
            var apiKey = Parameter(view, "connectorParameters", "apiKey");
            apiKey["value"]!.GetValue<string>().ShouldBe(SecretProtector.Mask);
            apiKey["isSet"]!.GetValue<bool>().ShouldBeTrue();
            apiKey["password"]!.GetValue<bool>().ShouldBeTrue();
            Parameter(view, "authenticationParameters", "token")["value"]!.GetValue<string>().ShouldBe(SecretProtector.Mask);
            Parameter(view, "authenticationParameters", "user")["value"]!.GetValue<string>().ShouldBe("ada");
            view["missingRequired"]!.AsArray().ShouldBeEmpty();
        }

        var stored = await StoredAsync(name, "apiKey");
        stored.IsSecret.ShouldBeTrue();
        stored.Value.ShouldNotBe(ApiKey);
        stored.Value.ShouldNotContain(ApiKey);
        Hub.Hub.Services.GetRequiredService<SecretProtector>().Unprotect(stored.Value).ShouldBe(ApiKey);
        var audit = await Hub.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "config.update" && a.Target.StartsWith(name)).ToListAsync(Cancel));
        audit.Count.ShouldBe(1);
        audit[0].Details.ShouldNotBeNull().ShouldContain("connectorParameters.apiKey");
        audit[0].Details!.ShouldContain("authenticationParameters.token");
        audit[0].Details!.ShouldNotContain(ApiKey);
        audit[0].Details!.ShouldNotContain(Token);
        Hub.Logs.All.ShouldNotContain(ApiKey);
        Hub.Logs.All.ShouldNotContain(Token);
    }

    [Fact]
    public async Task The_mask_keeps_a_stored_secret_null_removes_a_value_and_unmentioned_values_stay()
    {
        var name = await InstallAsync(Hub);
        await PutOkAsync(name, FullConfig());

        var response = await Hub.Admin.PutAsJsonAsync(ConfigUri(name, "Test"), new { connectorParameters = new Dictionary<string, string?> { ["apiKey"] = SecretProtector.Mask, ["greeting"] = null } }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        var view = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var greeting = Parameter(view, "connectorParameters", "greeting");
        greeting["isSet"]!.GetValue<bool>().ShouldBeFalse();
        greeting["value"].ShouldBeNull();
        view["missingRequired"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["connectorParameters.greeting"]);
        Parameter(view, "connectorParameters", "region")["value"]!.GetValue<string>().ShouldBe("us");
        Parameter(view, "authenticationParameters", "token")["isSet"]!.GetValue<bool>().ShouldBeTrue();
        view["timeoutSeconds"]!.GetValue<int>().ShouldBe(20);
        var apiKey = await StoredAsync(name, "apiKey");
        Hub.Hub.Services.GetRequiredService<SecretProtector>().Unprotect(apiKey.Value).ShouldBe(ApiKey);
    }

    [Fact]
    public async Task Values_of_parameters_a_new_version_dropped_are_shown_as_not_in_the_definition_and_null_removes_them()
    {
        var name = await InstallAsync(Hub);
        await PutOkAsync(name, FullConfig());
        await InstallVersionAsync(Hub, name, "1.1.0", "greeting", "apiKey", "user");

        var view = JsonNode.Parse(await Hub.Admin.GetStringAsync(ConfigUri(name, "Test"), Cancel))!;

        view["version"]!.GetValue<string>().ShouldBe("1.1.0");
        Parameter(view, "connectorParameters", "region")["inDefinition"]!.GetValue<bool>().ShouldBeTrue();
        var greeting = Parameter(view, "connectorParameters", "greeting");
        greeting["inDefinition"]!.GetValue<bool>().ShouldBeFalse();
        greeting["value"]!.GetValue<string>().ShouldBe("Hello");
        greeting["isSet"]!.GetValue<bool>().ShouldBeTrue();
        var apiKey = Parameter(view, "connectorParameters", "apiKey");
        apiKey["inDefinition"]!.GetValue<bool>().ShouldBeFalse();
        apiKey["value"]!.GetValue<string>().ShouldBe(SecretProtector.Mask);
        Parameter(view, "authenticationParameters", "user")["inDefinition"]!.GetValue<bool>().ShouldBeFalse();
        view["missingRequired"]!.AsArray().ShouldBeEmpty();
        view.ToJsonString().ShouldNotContain(ApiKey);

        // Sent back as read, they stay; any other value is refused, naming the place.
        var asRead = await Hub.Admin.PutAsJsonAsync(ConfigUri(name, "Test"), new { connectorParameters = new { greeting = "Hello", apiKey = SecretProtector.Mask } }, Cancel);
        asRead.StatusCode.ShouldBe(HttpStatusCode.OK, await asRead.Content.ReadAsStringAsync(Cancel));
        var changed = await Hub.Admin.PutAsJsonAsync(ConfigUri(name, "Test"), new { connectorParameters = new { greeting = "Changed" } }, Cancel);
        changed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await changed.Content.ReadAsStringAsync(Cancel)).ShouldContain("$.connectorParameters.greeting");

        var removed = await Hub.Admin.PutAsJsonAsync(ConfigUri(name, "Test"), new
        {
            connectorParameters = new Dictionary<string, string?> { ["greeting"] = null, ["apiKey"] = null },
            authenticationParameters = new Dictionary<string, string?> { ["user"] = null },
        }, Cancel);

        removed.StatusCode.ShouldBe(HttpStatusCode.OK, await removed.Content.ReadAsStringAsync(Cancel));
        var after = (await removed.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        after["connectorParameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["region"]);
        after["authenticationParameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["token"]);
        (await Hub.QueryAsync(db => db.ParameterValues.Where(v => db.ConnectorConfigs.Any(c => c.Id == v.ConfigId && db.Connectors.Any(k => k.Id == c.ConnectorId && k.Name == name))).Select(v => v.Name).ToListAsync(Cancel)))
            .ShouldBe(["region", "token"], ignoreOrder: true);
        var audit = await Hub.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "config.update" && a.Target.StartsWith(name)).OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync(Cancel));
        audit.ShouldBe("""{"version":"1.1.0","changed":["connectorParameters.greeting","connectorParameters.apiKey","authenticationParameters.user"]}""");
        (await Hub.QueryAsync(db => db.Audit.Where(a => a.Target.StartsWith(name)).Select(a => a.Details).ToListAsync(Cancel))).ShouldAllBe(d => d == null || (!d.Contains(ApiKey) && !d.Contains("Hello")));
    }

    [Fact]
    public async Task Invalid_changes_name_each_place_and_change_nothing()
    {
        var name = await InstallAsync(Hub);
        await PutOkAsync(name, FullConfig());
        var before = await Hub.Admin.GetStringAsync(ConfigUri(name, "Test"), Cancel);

        var response = await Hub.Admin.PutAsJsonAsync(ConfigUri(name, "Test"), new
        {
            timeoutSeconds = 0,
            loggingEnabled = "yes",
            connectorParameters = new Dictionary<string, string?> { ["greeting"] = "Changed", ["foo"] = "x", ["region"] = "asia" },
            authenticationParameters = new Dictionary<string, string?> { ["user"] = SecretProtector.Mask, ["token"] = "new-token" },
            extra = 1,
        }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsArray()
            .ToDictionary(e => e!["path"]!.GetValue<string>(), e => e!["message"]!.GetValue<string>());
        errors.Keys.ShouldBe(["$.timeoutSeconds", "$.loggingEnabled", "$.connectorParameters.foo", "$.connectorParameters.region", "$.extra"], ignoreOrder: true);
        errors["$.connectorParameters.foo"].ShouldContain($"no such parameter in {name} 1.0.0", Case.Insensitive);
        errors["$.connectorParameters.region"].ShouldContain("eu, us");
        errors["$.timeoutSeconds"].ShouldContain("1 to 3600");
        (await Hub.Admin.GetStringAsync(ConfigUri(name, "Test"), Cancel)).ShouldBe(before);
        var secret = await StoredAsync(name, "token");
        Hub.Hub.Services.GetRequiredService<SecretProtector>().Unprotect(secret.Value).ShouldBe(Token);
    }

    [Fact]
    public async Task The_mask_for_a_secret_that_is_not_stored_is_refused()
    {
        var name = await InstallAsync(Hub);

        var response = await Hub.Admin.PutAsJsonAsync(ConfigUri(name, "Production"), new { authenticationParameters = new { token = SecretProtector.Mask } }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("$.authenticationParameters.token");
        (await Hub.QueryAsync(db => db.ConnectorConfigs.CountAsync(c => c.EnvironmentKey == "production" && db.Connectors.Any(k => k.Id == c.ConnectorId && k.Name == name), Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_connectors_majors_and_environments_are_not_found()
    {
        var name = await InstallAsync(Hub);

        foreach (var uri in new[] { ConfigUri("no-such-connector", "Test"), ConfigUri(name, "Nowhere"), new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/7/environments/Test/config", UriKind.Relative) })
        {
            (await Hub.Admin.GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, uri.ToString());
            (await Hub.Admin.PutAsJsonAsync(uri, new { loggingEnabled = true }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, uri.ToString());
        }
    }

    [Fact]
    public async Task Operators_and_admins_may_configure_authors_and_invokers_may_not()
    {
        var name = await InstallAsync(Hub);
        foreach (var role in new[] { Roles.Operator, Roles.Admin })
        {
            var client = Hub.Client(await Hub.CreateKeyAsync(role));
            (await client.GetAsync(ConfigUri(name, "Test"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, role);
            (await client.PutAsJsonAsync(ConfigUri(name, "Test"), new { loggingEnabled = role == Roles.Admin }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, role);
        }

        foreach (var role in new[] { Roles.Author, Roles.Invoker })
        {
            var client = Hub.Client(await Hub.CreateKeyAsync(role));
            (await client.GetAsync(ConfigUri(name, "Test"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await client.PutAsJsonAsync(ConfigUri(name, "Test"), new { loggingEnabled = true }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }

        (await Hub.Client(null).GetAsync(ConfigUri(name, "Test"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_invocation_runs_with_the_configured_values_and_logging_follows_the_switch()
    {
        var name = await InstallAsync(Hub);
        await PutOkAsync(name, FullConfig());
        var invoker = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var logged = await InvokeAsync(invoker, name, "greet");
        await PutOkAsync(name, new { loggingEnabled = false });
        var quiet = await InvokeAsync(invoker, name, "greet");

        logged["success"]!.GetValue<bool>().ShouldBeTrue(logged.ToJsonString());
        logged["output"]!["text"]!.GetValue<string>().ShouldBe("Hello from us");
        logged["output"]!["secrets"]!.GetValue<string>().ShouldBe($"{ApiKey.Length}|{Token.Length}");
        logged.ToJsonString().ShouldNotContain(ApiKey);
        var logs = await LogsOfAsync(logged);
        logs.ShouldNotBeNull().ShouldContain("greeting with Hello");
        quiet["success"]!.GetValue<bool>().ShouldBeTrue();
        (await LogsOfAsync(quiet) ?? "").ShouldNotContain("greeting with");
        Hub.Logs.All.ShouldNotContain(ApiKey);
        Hub.Logs.All.ShouldNotContain(Token);
    }

    [Fact]
    public async Task The_configured_timeout_ends_a_slow_action_with_the_timeout_outcome()
    {
        var name = await InstallAsync(Hub);
        await PutOkAsync(name, new { timeoutSeconds = 1 });
        var invoker = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var answer = await InvokeAsync(invoker, name, "wait");

        answer["success"]!.GetValue<bool>().ShouldBeFalse();
        answer["outcome"]!.GetValue<string>().ShouldBe("timeout");
        answer["durationMs"]!.GetValue<double>().ShouldBeLessThan(15_000);
    }

    private static object FullConfig() => new
    {
        timeoutSeconds = 20,
        loggingEnabled = true,
        connectorParameters = new { greeting = "Hello", region = "us", apiKey = ApiKey },
        authenticationParameters = new { token = Token, user = "ada" },
    };

    private static JsonNode Parameter(JsonNode view, string tab, string name) =>
        view[tab]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;

    private Task<ParameterValueRecord> StoredAsync(string connector, string parameter) => Hub.QueryAsync(async db =>
    {
        var id = await db.Connectors.Where(c => c.Name == connector).Select(c => c.Id).SingleAsync(Cancel);
        return await db.ParameterValues.AsNoTracking()
            .SingleAsync(v => v.Name == parameter && db.ConnectorConfigs.Any(c => c.Id == v.ConfigId && c.ConnectorId == id && c.EnvironmentKey == "test"), Cancel);
    });

    private async Task PutOkAsync(string name, object body)
    {
        var response = await Hub.Admin.PutAsJsonAsync(ConfigUri(name, "Test"), body, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<JsonObject> InvokeAsync(HttpClient invoker, string name, string action)
    {
        var response = await invoker.PostAsJsonAsync(InvokeUri(name, action), new { environment = "Test", inputs = new { } }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    private Task<string?> LogsOfAsync(JsonObject answer)
    {
        var id = Guid.Parse(answer["invocationId"]!.GetValue<string>());
        return Hub.QueryAsync(db => db.Invocations.AsNoTracking().Where(i => i.Id == id).Select(i => i.LogsJson).SingleAsync(Cancel));
    }
}

public sealed class SqliteConnectorConfigApiTests(SqliteHub hub) : ConnectorConfigApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresConnectorConfigApiTests(PostgresHub hub) : ConnectorConfigApiTests(hub), IClassFixture<PostgresHub>;
