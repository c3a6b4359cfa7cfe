using Microsoft.AspNetCore.Http;
using Patchbay.Compat.Tests.Support;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.Editor;

/// <summary>
/// bizagi-compat §2.3: connectors/editor-issues is a connector in the Connector Editor's layout (base64 XSDs,
/// bundled bz-util, an uploaded library kept as node_modules/rest/&lt;package&gt;), zipped into a .bizc at test
/// time, read by the .bizc reader and run on the real runtime against an Issues API on 127.0.0.1.
/// </summary>
public sealed class S2_3_EditorLayoutTests(CompatRuntime fixture, RestApiServer api) : IClassFixture<CompatRuntime>, IClassFixture<RestApiServer>
{
    private const string Token = "ghp-s3cr3t-0001";

    private static async Task<ConnectorPackage> ReadAsync() => (await CompatConnectors.ReadEditorBizcAsync("editor-issues")).GetPackageOrThrow();

    private Task<InvocationResult> RunAsync(ConnectorPackage connector, string action, string inputs) =>
        fixture.Runtime.RunAsync(connector, action, inputs, request => request with
        {
            ConnectorParameters = new Dictionary<string, string> { ["baseurl"] = api.Url },
            AuthenticationParameters = new Dictionary<string, string> { ["TOKEN"] = Token },
            EnableLog = true,
        });

    [Fact]
    public async Task S2_3_editor_bizc_reads_into_its_definition_with_the_library_flattened_and_bz_util_dropped()
    {
        var read = await CompatConnectors.ReadEditorBizcAsync("editor-issues");

        read.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        var package = read.Package!;
        package.Definition.Name.ShouldBe("EditorIssues");
        package.Definition.FolderName.ShouldBe("editor-issues");
        package.Definition.Authentication.Method.ShouldBe(AuthenticationMethod.Custom);
        package.Definition.Authentication.Parameters.ShouldBe([new ConnectorParameter { Name = "TOKEN", Required = true, PasswordMode = true }]);
        package.Definition.Errors.ShouldBe([new ErrorDefinition("GIT.NOT_FOUND", "Issue not found: %s")]);
        package.Definition.Actions.Select(a => a.Name).ShouldBe(["create-issue", "get-issue"]);
        package.Definition.Actions[0].Inputs.Select(i => (i.Name, i.Type, i.IsList)).ShouldBe(
            [("title", DataType.String, false), ("body", DataType.String, false), ("labels", DataType.String, true), ("assignee", DataType.Object, false)]);
        package.Files.Contains("node_modules/tiny-rest/lib/client.js").ShouldBeTrue();
        package.Files.Contains("node_modules/tiny-url/index.js").ShouldBeTrue();
        package.Files.Paths.ShouldNotContain(p => p.StartsWith("node_modules/rest/", StringComparison.Ordinal) || p.StartsWith("node_modules/bz-util", StringComparison.Ordinal));
    }

    [Fact]
    public async Task S2_3_editor_bizc_action_calls_the_api_through_its_uploaded_library_and_its_output_is_shaped()
    {
        api.Map("/issues", async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"number":"12","html_url":"https://issues.example/12","created_at":"2026-11-29","locked":"false","labels":[{"name":"bug"},{"name":"ui"}],"assignee":{"login":"ada","id":"7","site_admin":false},"node_id":"I_1"}""");
        });

        var result = await RunAsync(await ReadAsync(), "create-issue", """{"title":"Crash","body":"On save","labels":["bug","ui"],"assignee":{"login":"ada","id":7}}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"number":"12","url":"https://issues.example/12","created":"2026-11-29","locked":"false","labels":["bug","ui"],"assignee":{"login":"ada","id":"7","site_admin":false}}"""));
        Json.Text(result.ShapedOutput).ShouldBe("""{"number":12,"url":"https://issues.example/12","created":"2026-11-29","locked":false,"labels":["bug","ui"],"assignee":{"login":"ada","id":7}}""");
        var request = api.To("/issues").ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Header("Authorization").ShouldBe("token " + Token);
        request.Body.ShouldBe("""{"title":"Crash","body":"On save","labels":["bug","ui"],"assignee":"ada"}""");
        result.Logs.Select(l => (l.Level, l.Text)).ShouldBe([("INFO", "create-issue Crash")]);
    }

    [Fact]
    public async Task S2_3_editor_bizc_error_uses_the_catalog_of_its_etc_errors_js()
    {
        var result = await RunAsync(await ReadAsync(), "get-issue", """{"number":404}""");

        Json.Text(result.Envelope).ShouldBe("""{"response":{"outputs":{"output":{},"error":{"error":"GIT.NOT_FOUND","message":"Issue not found: 404","status":404}}},"success":false,"connectorstatuscode":404,"errormessage":"{\"error\":\"GIT.NOT_FOUND\",\"message\":\"Issue not found: 404\",\"status\":404}","autotestingenabled":false}""");
        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
    }
}
