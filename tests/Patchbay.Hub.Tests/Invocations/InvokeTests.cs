using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Model;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

public abstract class InvokeTests(HubFixture hub) : HubTests(hub)
{
    // Characters JSON escapes ('+' as \u002B, the quote, the accent): masking the JSON text would miss them.
    private const string Secret = "s3cr3t+token/\"value\"é";

    [Fact]
    public async Task An_invocation_runs_with_the_environments_values_and_is_recorded_with_secrets_masked()
    {
        var name = await InstallEchoAsync();
        await Hub.ConfigureAsync(name, "Test", ("greeting", "Hello", false), ("token", Secret, true));
        var invoker = await Hub.CreateKeyAsync(Roles.Invoker);

        var response = await Hub.Client(invoker).PostAsJsonAsync(InvokeUri(name), new { environment = "test", inputs = new { who = "Ada" } }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        answer["success"]!.GetValue<bool>().ShouldBeTrue();
        answer["environment"]!.GetValue<string>().ShouldBe("Test");
        answer["output"]!["text"]!.GetValue<string>().ShouldBe("Hello Ada");
        var id = Guid.Parse(answer["invocationId"]!.GetValue<string>());
        response.Headers.GetValues("Patchbay-Invocation-Id").Single().ShouldBe(id.ToString());

        var record = await Hub.QueryAsync(db => db.Invocations.SingleAsync(i => i.Id == id, Cancel));
        record.Success.ShouldBeTrue();
        record.Environment.ShouldBe("Test");
        record.Mode.ShouldBe("sync");
        record.EnvelopeJson.ShouldNotBeNull().ShouldContain("Hello Ada");
        record.EnvelopeJson.ShouldNotContain(Secret);
        record.EnvelopeJson.ShouldContain("********");
        JsonNode.Parse(record.EnvelopeJson)!["response"]!["outputs"]!["output"]!["echoed"]!.GetValue<string>().ShouldBe("********");
        answer["envelope"]!["response"]!["outputs"]!["output"]!["echoed"]!.GetValue<string>().ShouldBe("********", "the caller's answer masks an echoed secret too");
        Hub.Logs.All.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task A_new_version_a_configuration_change_and_a_removed_environment_are_seen_by_the_very_next_invocation()
    {
        var name = "Echo " + Guid.NewGuid().ToString("N")[..8];
        var globalGuid = Guid.NewGuid().ToString();
        await Hub.InstallAsync(EchoPackage(name, globalGuid));
        var environment = "Staging " + Guid.NewGuid().ToString("N")[..6];
        (await Hub.Admin.PostAsJsonAsync(new Uri("/api/v1/environments", UriKind.Relative), new { name = environment }, Cancel)).EnsureSuccessStatusCode();
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var configUri = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/environments/{Uri.EscapeDataString(environment)}/config", UriKind.Relative);
        (await Hub.Admin.PutAsJsonAsync(configUri, new { connectorParameters = new { greeting = "Hello" } }, Cancel)).EnsureSuccessStatusCode();
        (await TextAsync(client, name, environment)).ShouldBe("Hello Ada");

        (await Hub.Admin.PutAsJsonAsync(configUri, new { connectorParameters = new { greeting = "Bonjour" } }, Cancel)).EnsureSuccessStatusCode();
        (await TextAsync(client, name, environment)).ShouldBe("Bonjour Ada");

        await Hub.InstallAsync(EchoPackage(name, globalGuid, "1.1.0", "'v1.1 ' + globals.systemproperties.greeting"));
        (await TextAsync(client, name, environment)).ShouldBe("v1.1 Bonjour Ada");

        (await Hub.Admin.DeleteAsync(new Uri($"/api/v1/environments/{Uri.EscapeDataString(environment)}", UriKind.Relative), Cancel)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync(InvokeUri(name), new { environment, inputs = new { who = "Ada" } }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_value_of_a_parameter_the_current_version_no_longer_declares_is_not_passed_to_it()
    {
        var name = "Echo " + Guid.NewGuid().ToString("N")[..8];
        var globalGuid = Guid.NewGuid().ToString();
        await Hub.InstallAsync(EchoPackage(name, globalGuid));
        await Hub.ConfigureAsync(name, "Test", ("greeting", "Hello", false));
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        (await TextAsync(client, name, "Test")).ShouldBe("Hello Ada");

        await Hub.InstallAsync(EchoPackage(name, globalGuid, "1.1.0", "String(globals.systemproperties.greeting)", declaresGreeting: false));

        (await TextAsync(client, name, "Test")).ShouldBe("undefined Ada");
    }

    [Fact]
    public async Task Concurrent_invocations_are_each_recorded_before_their_answer()
    {
        var name = await InstallEchoAsync();
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Admin));

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var response = await client.PostAsJsonAsync(InvokeUri(name), new { environment = "Development", inputs = new { who = "caller " + i } }, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var id = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["invocationId"]!.GetValue<string>();
            var recorded = await client.GetAsync(new Uri($"/api/v1/invocations/{id}", UriKind.Relative), Cancel);
            recorded.StatusCode.ShouldBe(HttpStatusCode.OK, "the record is saved before the answer is sent");
            return id;
        }));

        ids.Distinct().Count().ShouldBe(40);
        (await Hub.QueryAsync(db => db.Invocations.CountAsync(i => i.ConnectorName == name, Cancel))).ShouldBe(40);
    }

    [Fact]
    public async Task Unknown_connectors_environments_and_missing_fields_are_refused_with_the_reason()
    {
        var name = await InstallEchoAsync();
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        (await client.PostAsJsonAsync(InvokeUri("no-such"), new { environment = "Test" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unknownEnvironment = await client.PostAsJsonAsync(InvokeUri(name), new { environment = "Nowhere" }, Cancel);
        unknownEnvironment.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknownEnvironment.Content.ReadAsStringAsync(Cancel)).ShouldContain("Nowhere");
        var missing = await client.PostAsJsonAsync(InvokeUri(name), new { inputs = new { } }, Cancel);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync(Cancel)).ShouldContain("$.environment");
    }

    [Fact]
    public async Task An_invoker_limited_to_other_connectors_is_refused()
    {
        var name = await InstallEchoAsync();
        var limited = await Hub.CreateKeyAsync(Roles.Invoker, connectors: ["some-other"]);

        var response = await Hub.Client(limited).PostAsJsonAsync(InvokeUri(name), new { environment = "Test" }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Authors_and_operators_may_not_invoke()
    {
        var name = await InstallEchoAsync();
        foreach (var role in new[] { Roles.Author, Roles.Operator })
        {
            var response = await Hub.Client(await Hub.CreateKeyAsync(role)).PostAsJsonAsync(InvokeUri(name), new { environment = "Test" }, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }
    }

    private static Uri InvokeUri(string name) => new($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/actions/greet/invoke", UriKind.Relative);

    private static async Task<string> TextAsync(HttpClient client, string name, string environment)
    {
        var response = await client.PostAsJsonAsync(InvokeUri(name), new { environment, inputs = new { who = "Ada" } }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["output"]!["text"]!.GetValue<string>();
    }

    private static ConnectorPackage EchoPackage(string name, string globalGuid, string version = "1.0.0", string greeting = "globals.systemproperties.greeting", bool declaresGreeting = true) =>
        new TestConnector { Name = name, GlobalGuid = globalGuid, Version = version }
            .Parameters(declaresGreeting ? [new ConnectorParameter { Name = "greeting" }] : [])
            .Auth("callback(RESPONSE({ token: globals.authdata.token }, null, 200));", new ConnectorParameter { Name = "token", PasswordMode = true })
            .Invoke(
                "greet",
                $"callback(RESPONSE({{ text: {greeting} + ' ' + data.inputs.input.who, echoed: globals.authdata.token }}, null, 200));",
                inputs: [new DataNode { Name = "who", Type = DataType.String }],
                outputs: [new DataNode { Name = "text", Type = DataType.String }])
            .Build();

    private async Task<string> InstallEchoAsync()
    {
        var name = "Echo " + Guid.NewGuid().ToString("N")[..8];
        await Hub.InstallAsync(EchoPackage(name, Guid.NewGuid().ToString()));
        return name;
    }
}

public sealed class SqliteInvokeTests(SqliteHub hub) : InvokeTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresInvokeTests(PostgresHub hub) : InvokeTests(hub), IClassFixture<PostgresHub>;
