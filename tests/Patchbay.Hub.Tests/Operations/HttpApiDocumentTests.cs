using System.Text.Json.Nodes;
using Patchbay.Cli.Tests.Support;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

/// <summary>
/// docs/http-api.md is generated from the running hub's OpenAPI document and its endpoints' policies; this test fails
/// when the committed file differs, and rewrites it when PATCHBAY_WRITE_DOCS=1.
/// </summary>
public sealed class HttpApiDocumentTests(SqliteHub hub) : HubTests(hub), IClassFixture<SqliteHub>
{
    [Fact]
    public async Task The_http_api_document_is_generated_from_the_openapi_document()
    {
        var document = JsonNode.Parse(await Hub.Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel))!.AsObject();
        var endpoints = AccessMatrix.Endpoints(Hub);
        var generated = OpenApiMarkdown.Render(document, (method, path) =>
        {
            var endpoint = endpoints.Single(e => e.Methods.Contains(method) && AccessMatrix.WithoutConstraints(e.Route) == path);
            return Who(endpoint);
        });

        var file = Path.Combine(Repository.Root, "docs", "http-api.md");
        if (Environment.GetEnvironmentVariable("PATCHBAY_WRITE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(file, generated, Cancel);
        }

        var committed = File.Exists(file) ? (await File.ReadAllTextAsync(file, Cancel)).ReplaceLineEndings("\n") : "";
        committed.ShouldBe(generated, "docs/http-api.md is out of date: regenerate it with PATCHBAY_WRITE_DOCS=1 dotnet test tests/Patchbay.Hub.Tests --filter HttpApiDocument");
    }

    private static string Who(HubEndpoint endpoint) => endpoint switch
    {
        { Anonymous: true } => "anyone",
        { Policies: [] } => "any valid key",
        _ => string.Join("; ", endpoint.Policies.Select(p => $"{string.Join(", ", Policies.RolesOf[p])} (`{p}`)")),
    };
}
