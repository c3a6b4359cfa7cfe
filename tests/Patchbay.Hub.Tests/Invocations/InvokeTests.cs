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
    private const string Secret = "s3cr3t-token-value";

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
        Hub.Logs.All.ShouldNotContain(Secret);
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

    private async Task<string> InstallEchoAsync()
    {
        var name = "Echo " + Guid.NewGuid().ToString("N")[..8];
        var package = new TestConnector { Name = name }
            .Parameters(new ConnectorParameter { Name = "greeting" })
            .Auth("callback(RESPONSE({ token: globals.authdata.token }, null, 200));", new ConnectorParameter { Name = "token", PasswordMode = true })
            .Invoke(
                "greet",
                "callback(RESPONSE({ text: globals.systemproperties.greeting + ' ' + data.inputs.input.who, echoed: globals.authdata.token }, null, 200));",
                inputs: [new DataNode { Name = "who", Type = DataType.String }],
                outputs: [new DataNode { Name = "text", Type = DataType.String }])
            .Build();
        await Hub.InstallAsync(package);
        return name;
    }
}

public sealed class SqliteInvokeTests(SqliteHub hub) : InvokeTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresInvokeTests(PostgresHub hub) : InvokeTests(hub), IClassFixture<PostgresHub>;
