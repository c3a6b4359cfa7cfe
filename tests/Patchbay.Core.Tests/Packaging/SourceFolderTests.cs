using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Source;
using Patchbay.Core.Tests.Support;

namespace Patchbay.Core.Tests.Packaging;

public sealed class SourceFolderTests
{
    private static string ConnectorJson(ConnectorPackage package) =>
        FileSet.DecodeText(SourceFolder.ToFiles(package)[SourceFolderLayout.Definition]);

    [Fact]
    public void ToFiles_CustomConnector_HasReadableDefinitionAndCode()
    {
        var files = SourceFolder.ToFiles(Some.CustomConnector());

        files.Keys.ShouldBe(["actions/say-hello.js", "auth/auth.js", "connector.json"]);
        var json = ConnectorJson(Some.CustomConnector());
        json.ShouldContain("\"name\": \"String!\"");
        json.ShouldContain("\"greeting\": \"String\"");
        json.ShouldNotContain("xsd");
    }

    [Fact]
    public void ChangingOneInput_ChangesOneLineOfConnectorJson()
    {
        var before = Some.CustomConnector();
        var after = before.Edit(d => d with
        {
            Actions = [d.Actions[0] with { Inputs = [DataNode.Leaf("name", DataType.String, isList: true, isRequired: true)] }],
        });

        var beforeLines = ConnectorJson(before).Split('\n');
        var afterLines = ConnectorJson(after).Split('\n');

        afterLines.Length.ShouldBe(beforeLines.Length);
        beforeLines.Zip(afterLines).Count(pair => pair.First != pair.Second).ShouldBe(1);
    }

    [Fact]
    public void AddingOneInput_AddsOneLineAndTouchesAtMostOneOther()
    {
        var before = Some.CustomConnector();
        var after = before.Edit(d => d with
        {
            Actions = [d.Actions[0] with { Inputs = [.. d.Actions[0].Inputs, DataNode.Leaf("title", DataType.String)] }],
        });

        var beforeLines = ConnectorJson(before).Split('\n');
        var afterLines = ConnectorJson(after).Split('\n');

        afterLines.Length.ShouldBe(beforeLines.Length + 1);
        afterLines.Except(beforeLines).Count().ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void RoundTrip_ThroughFiles_GivesAnEqualModel()
    {
        var package = Some.RestConnector().Edit(d => d with
        {
            IconBase64 = Some.PngBase64,
            Parameters = [new ConnectorParameter { Name = "tenant", Required = true, AllowedValues = ["eu", "us"] }],
            Authentication = new AuthenticationSettings
            {
                Method = AuthenticationMethod.OAuth2,
                Name = "oauth2",
                Grant = OAuth2Grant.ClientCredentials,
                Parameters =
                [
                    new() { Name = "token_url", DefaultValue = "https://login.example.com/token" },
                    new() { Name = "client_id", Required = true },
                    new() { Name = "client_secret", Required = true, PasswordMode = true },
                ],
            },
            Errors = [new("API.LIMIT", "Rate limit: %s")],
        }) with
        { Files = FileSet.Empty.WithText("node_modules/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}") };

        var files = SourceFolder.ToFiles(package);
        var result = SourceFolder.Read(files);

        files.Keys.ShouldContain("icon.png");
        files.Keys.ShouldContain("libraries/left-pad/package.json");
        result.Diagnostics.ShouldBeEmpty();
        result.Package.ShouldBe(package);
    }

    [Fact]
    public void Read_BadTreeAndBadTypes_ReportsJsonPaths()
    {
        var files = new Dictionary<string, byte[]>(SourceFolder.ToFiles(Some.CustomConnector()));
        var json = FileSet.DecodeText(files["connector.json"])
            .Replace("\"name\": \"String!\"", "\"name\": \"Strng\"", StringComparison.Ordinal)
            .Replace("\"version\": \"1.0.0\"", "\"version\": 1", StringComparison.Ordinal);
        files["connector.json"] = FileSet.EncodeText(json);

        var errors = SourceFolder.Read(files).Diagnostics.Where(d => d.IsError).Select(d => d.Location.ToString()).ToList();

        errors.ShouldContain("connector.json: version");
        errors.ShouldContain(e => e.StartsWith("connector.json: actions[0].input", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MissingConnectorJson_SaysHowToCreateOne() =>
        SourceFolder.Read(new Dictionary<string, byte[]>()).Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("patchbay new");

    [Fact]
    public void Write_ToDisk_ThenRead_GivesAnEqualModel()
    {
        var folder = Path.Combine(Path.GetTempPath(), "patchbay-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            SourceFolder.Write(Some.CustomConnector(), folder, overwrite: false);

            SourceFolder.Read(folder, Core.Packaging.PackageLimits.Default).Package.ShouldBe(Some.CustomConnector());
            Should.Throw<IOException>(() => SourceFolder.Write(Some.CustomConnector(), folder, overwrite: false));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
