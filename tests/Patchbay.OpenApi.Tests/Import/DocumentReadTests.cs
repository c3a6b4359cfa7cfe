namespace Patchbay.OpenApi.Tests.Import;

public sealed class DocumentReadTests
{
    private static OpenApiImportResult Import(string text) => OpenApiImporter.Import(text, new OpenApiImportOptions());

    [Fact]
    public void BrokenYaml_FailsNamingTheLine()
    {
        var result = Import("openapi: 3.0.0\ninfo:\n  title: [unclosed\n  version: 1\npaths: {}\n");

        result.Package.ShouldBeNull();
        result.Failure.ShouldNotBeNull().ShouldContain("line");
    }

    [Fact]
    public void NotOpenApi_Fails()
    {
        var result = Import("{\"hello\": \"world\"}");

        result.Package.ShouldBeNull();
        result.Failure.ShouldNotBeNull();
    }

    [Fact]
    public void NoOperations_FailsAtPaths()
    {
        var result = Import("openapi: 3.0.3\ninfo: {title: Empty, version: 1.0.0}\npaths: {}\n");

        result.Failure.ShouldNotBeNull().ShouldStartWith("#/paths");
    }

    [Fact]
    public void LibraryErrors_BecomeReportItemsWithTheirPointers()
    {
        const string text = """
            openapi: 3.0.3
            info: {title: Sloppy, version: 1.0.0}
            servers: [{url: 'https://api.example.com'}]
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      descriptionx: forgot the real description
                      content:
                        application/json:
                          schema: {type: object, properties: {id: {type: integer}}}
            """;

        var result = Import(text);

        result.Package.ShouldNotBeNull();
        result.Report.Items.ShouldContain(i => i.Kind == ImportItemKind.ReadError && i.Location == "#/paths/~1things/get/responses/200");
        result.Package.Definition.Actions.ShouldHaveSingleItem().Outputs.ShouldHaveSingleItem().Name.ShouldBe("id");
    }

    [Fact]
    public void Report_AsJson_ListsEveryItem()
    {
        var result = Import("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n");

        var json = System.Text.Json.Nodes.JsonNode.Parse(result.Report.ToJson())!;

        json["items"]!.AsArray().Count.ShouldBe(result.Report.Items.Count);
        json["items"]![0]!["pointer"]!.GetValue<string>().ShouldBe(result.Report.Items[0].Location);
        json["items"]![0]!["kind"]!.GetValue<string>().ShouldBe("approximate");
    }
}
