using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

public abstract class TestActionTests(HubFixture hub) : HubTests(hub)
{
    private const string Secret = "inline-s3cr3t-value";

    [Fact]
    public async Task An_action_of_an_uninstalled_package_runs_with_inline_values_and_is_recorded_as_a_test()
    {
        var name = "Tested " + Guid.NewGuid().ToString("N")[..8];
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Author));

        var response = await client.PostAsync(Uri("greet"), Form(Package(name), new JsonObject
        {
            ["inputs"] = new JsonObject { ["who"] = "Ada" },
            ["connectorParameters"] = new JsonObject { ["greeting"] = "Hello" },
            ["authenticationParameters"] = new JsonObject { ["token"] = Secret },
        }), Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var answer = JsonNode.Parse(text)!;
        answer["success"]!.GetValue<bool>().ShouldBeTrue();
        answer["output"]!["text"]!.ToString().ShouldBe("Hello Ada");
        answer["logs"]!.AsArray().ShouldContain(l => l!["text"]!.ToString().Contains("greeting Ada"));
        answer["httpCalls"].ShouldBeOfType<JsonArray>();
        text.ShouldNotContain(Secret);

        var id = Guid.Parse(answer["invocationId"]!.ToString());
        var record = await Hub.QueryAsync(db => db.Invocations.SingleAsync(i => i.Id == id, Cancel));
        record.Mode.ShouldBe("test");
        record.Environment.ShouldBeNull();
        record.ConnectorName.ShouldBe(name);
        (record.EnvelopeJson + record.LogsJson + record.InputsJson).ShouldNotContain(Secret);
        Hub.Logs.All.ShouldNotContain(Secret);
        (await Hub.QueryAsync(db => db.Connectors.CountAsync(c => c.Name == name, Cancel))).ShouldBe(0); // not installed
    }

    [Fact]
    public async Task An_invalid_package_is_refused_naming_the_file_and_nothing_is_recorded()
    {
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Author));
        var before = await Hub.QueryAsync(db => db.Invocations.CountAsync(i => i.Mode == "test", Cancel));

        var response = await client.PostAsync(Uri("greet"), Form("not a zip"u8.ToArray(), new JsonObject()), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        problem["errors"]!.AsArray().ShouldNotBeEmpty();
        problem["errors"]![0]!["file"]!.ToString().ShouldBe("connector.bizc");
        (await Hub.QueryAsync(db => db.Invocations.CountAsync(i => i.Mode == "test", Cancel))).ShouldBe(before);
    }

    [Fact]
    public async Task Missing_parts_and_bad_request_values_are_refused_naming_the_place()
    {
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Author));
        using var noFile = new MultipartFormDataContent { { new StringContent("{}"), "request" } };
        var missing = await client.PostAsync(Uri("greet"), noFile, Cancel);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"file\"");

        var timeout = await client.PostAsync(Uri("greet"), Form(Package("T " + Guid.NewGuid().ToString("N")[..6]), new JsonObject { ["timeoutSeconds"] = 0 }), Cancel);
        timeout.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await timeout.Content.ReadAsStringAsync(Cancel)).ShouldContain("request.timeoutSeconds");
    }

    [Fact]
    public async Task Only_admins_and_authors_may_test_actions()
    {
        var package = Package("Roles " + Guid.NewGuid().ToString("N")[..6]);
        var body = new JsonObject { ["inputs"] = new JsonObject { ["who"] = "x" } };
        (await Hub.Admin.PostAsync(Uri("greet"), Form(package, body), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var role in new[] { Roles.Operator, Roles.Invoker })
        {
            var response = await Hub.Client(await Hub.CreateKeyAsync(role)).PostAsync(Uri("greet"), Form(package, body), Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }
    }

    [Fact]
    public async Task An_installed_connectors_environment_gives_its_stored_values_secrets_included_to_a_test_run()
    {
        var name = "Tested env " + Guid.NewGuid().ToString("N")[..8];
        var globalGuid = Guid.NewGuid().ToString();
        await Hub.InstallAsync(Definition(name, globalGuid));
        var config = new Uri($"/api/v1/connectors/{System.Uri.EscapeDataString(name)}/versions/1/environments/Test/config", UriKind.Relative);
        (await Hub.Admin.PutAsJsonAsync(config, new { connectorParameters = new { greeting = "Bonjour" }, authenticationParameters = new { token = Secret } }, Cancel)).EnsureSuccessStatusCode();
        JsonObject Request() => new() { ["inputs"] = new JsonObject { ["who"] = "Ada" }, ["environment"] = "test" };
        var author = Hub.Client(await Hub.CreateKeyAsync(Roles.Author));
        var refused = await author.PostAsync(Uri("greet"), Form(BizcWriter.ToBytes(Definition(name, globalGuid)), Request()), Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an author may not see the environment's secrets, so may not run code with them");

        var response = await Hub.Admin.PostAsync(Uri("greet"), Form(BizcWriter.ToBytes(Definition(name, globalGuid)), Request()), Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var answer = JsonNode.Parse(text)!;
        answer["output"]!["text"]!.ToString().ShouldBe("Bonjour Ada");
        answer["environment"]!.ToString().ShouldBe("Test");
        answer["logs"]!.AsArray().ShouldContain(l => l!["text"]!.ToString().Contains("greeting Ada with ********"), "the stored secret reached the code, masked in the log");
        text.ShouldNotContain(Secret);
        var id = Guid.Parse(answer["invocationId"]!.ToString());
        var record = await Hub.QueryAsync(db => db.Invocations.SingleAsync(i => i.Id == id, Cancel));
        (record.Mode, record.Environment).ShouldBe(("test", "Test"));
        (record.EnvelopeJson + record.LogsJson).ShouldNotContain(Secret);
    }

    [Fact]
    public async Task An_environment_is_refused_for_a_connector_not_installed_an_unknown_environment_and_beside_inline_values()
    {
        var client = Hub.Admin;
        var name = "Tested env " + Guid.NewGuid().ToString("N")[..8];
        var globalGuid = Guid.NewGuid().ToString();
        var package = BizcWriter.ToBytes(Definition(name, globalGuid));

        var notInstalled = await client.PostAsync(Uri("greet"), Form(package, new JsonObject { ["environment"] = "Test" }), Cancel);
        notInstalled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notInstalled.Content.ReadAsStringAsync(Cancel)).ShouldContain("request.environment");

        await Hub.InstallAsync(Definition(name, globalGuid));
        var unknown = await client.PostAsync(Uri("greet"), Form(package, new JsonObject { ["environment"] = "Nowhere" }), Cancel);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Cancel)).ShouldContain("request.environment");

        var both = await client.PostAsync(Uri("greet"), Form(package, new JsonObject { ["environment"] = "Test", ["connectorParameters"] = new JsonObject { ["greeting"] = "Hi" } }), Cancel);
        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await both.Content.ReadAsStringAsync(Cancel)).ShouldContain("request.environment");

        var other = await client.PostAsync(Uri("greet"), Form(BizcWriter.ToBytes(Definition(name, Guid.NewGuid().ToString())), new JsonObject { ["environment"] = "Test" }), Cancel);
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static Uri Uri(string action) => new($"/api/v1/test/actions/{action}", UriKind.Relative);

    private static MultipartFormDataContent Form(byte[] package, JsonObject request)
    {
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent
        {
            { file, "file", "connector.bizc" },
            { new StringContent(request.ToJsonString()), "request" },
        };
    }

    private static byte[] Package(string name) => BizcWriter.ToBytes(Definition(name, Guid.NewGuid().ToString()));

    private static ConnectorPackage Definition(string name, string globalGuid) => new TestConnector { Name = name, GlobalGuid = globalGuid }
        .Parameters(new ConnectorParameter { Name = "greeting" })
        .Auth("callback(RESPONSE({ token: globals.authdata.token }, null, 200));", new ConnectorParameter { Name = "token", PasswordMode = true })
        .Invoke(
            "greet",
            "LOG.info('greeting ' + data.inputs.input.who + ' with ' + globals.authdata.token); callback(RESPONSE({ text: globals.systemproperties.greeting + ' ' + data.inputs.input.who }, null, 200));",
            inputs: [new DataNode { Name = "who", Type = DataType.String }],
            outputs: [new DataNode { Name = "text", Type = DataType.String }])
        .Build();
}

public sealed class SqliteTestActionTests(SqliteHub hub) : TestActionTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresTestActionTests(PostgresHub hub) : TestActionTests(hub), IClassFixture<PostgresHub>;
