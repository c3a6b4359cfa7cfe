using System.IO.Compression;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;
using Patchbay.Core.Tests.Support;

namespace Patchbay.Core.Tests.Packaging;

public sealed class BizcRoundTripTests
{
    private static Task<ConnectorReadResult> ReadAsync(byte[] bizc, PackageLimits? limits = null) =>
        BizcReader.ReadAsync(new MemoryStream(bizc), "MyConnector.bizc", limits ?? PackageLimits.Default, TestContext.Current.CancellationToken);

    private static async Task<ConnectorPackage> ReadEditorPackageAsync()
    {
        var result = await ReadAsync(BizagiPackage.Build());
        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        return result.Package!;
    }

    [Fact]
    public async Task Read_EditorPackage_GivesTheDefinition()
    {
        var definition = (await ReadEditorPackageAsync()).Definition;

        definition.Name.ShouldBe("MyConnector");
        definition.FolderName.ShouldBe("my-connector");
        definition.Website.ShouldBe("https://example.com");
        definition.Type.ShouldBe(ConnectorType.Custom);
        definition.Parameters.ShouldBe([new ConnectorParameter { Name = "baseurl", Required = true }]);
        definition.Authentication.Method.ShouldBe(AuthenticationMethod.Custom);
        definition.Authentication.Parameters.ShouldBe([new ConnectorParameter { Name = "TOKEN", Required = true, PasswordMode = true }]);
        definition.Errors.ShouldBe([new ErrorDefinition("GIT.NOT_FOUND", "Repository not found: %s")]);
    }

    [Fact]
    public async Task Read_EditorPackage_DecodesTheXsdTrees()
    {
        var action = (await ReadEditorPackageAsync()).Definition.Actions.ShouldHaveSingleItem();

        action.Inputs.ShouldBe(
        [
            DataNode.Leaf("title", DataType.String),
            DataNode.Leaf("body", DataType.String),
            DataNode.Leaf("labels", DataType.String, isList: true),
            DataNode.Object("assignee", [DataNode.Leaf("login", DataType.String), DataNode.Leaf("id", DataType.Integer)]),
        ]);
        action.Outputs.Select(o => (o.Name, o.Type, o.IsList)).ShouldBe(
        [
            ("number", DataType.Integer, false), ("url", DataType.String, false), ("created", DataType.Date, false),
            ("score", DataType.Decimal, false), ("ratio", DataType.Double, false), ("locked", DataType.Boolean, false),
            ("attachment", DataType.Byte, true), ("comments", DataType.Object, true),
        ]);
        action.Errors.ShouldBe(DataTrees.DefaultError);
    }

    [Fact]
    public async Task Read_EditorLibraryLayout_IsFlattenedAndBzUtilDropped()
    {
        var files = (await ReadEditorPackageAsync()).Files;

        files.Contains("node_modules/node-rest-client/package.json").ShouldBeTrue();
        files.Contains("node_modules/xml2js/lib/xml2js.js").ShouldBeTrue();
        files.Paths.ShouldNotContain(p => p.StartsWith("node_modules/rest/", StringComparison.Ordinal));
        files.Paths.ShouldNotContain(p => p.StartsWith("node_modules/bz-util", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_EditorPackage_KeepsItsOwnSupportingFiles()
    {
        var files = (await ReadEditorPackageAsync()).Files;

        files.GetText("bizagiRouter.js").ShouldBe("// router as the Editor ships it\nexports.invokeAction = function () {};\n");
        files.GetText("package.json")!.ShouldContain("jane@example.com");
        files.Contains("def/connector.json").ShouldBeFalse();
    }

    [Fact]
    public async Task RoundTrip_ReadWriteRead_GivesAnEqualModelAndTheSameBytes()
    {
        var first = (await ReadEditorPackageAsync());

        var written = BizcWriter.ToBytes(first);
        var second = await ReadAsync(written);

        second.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        second.Package.ShouldBe(first);
        BizcWriter.ToBytes(second.Package!).ShouldBe(written);
    }

    [Fact]
    public async Task Write_EditorPackage_KeepsBizagisLayout()
    {
        using var zip = new ZipArchive(new MemoryStream(BizcWriter.ToBytes((await ReadEditorPackageAsync()))));
        var names = zip.Entries.Select(e => e.FullName).ToList();

        names.ShouldContain("def/connector.json");
        names.ShouldContain("actions.js");
        names.ShouldContain("actions/create-issue.js");
        names.ShouldContain("auth/auth.js");
        names.ShouldContain("bizagiRouter.js");
        names.ShouldContain("etc/config.js");
        names.ShouldContain("etc/errors.js");
        names.ShouldContain("package.json");
        names.ShouldContain("node_modules/node-rest-client/lib/node-rest-client.js");
    }

    [Fact]
    public async Task Write_NewConnector_AddsTheSupportingFilesBizagiNeeds()
    {
        using var zip = new ZipArchive(new MemoryStream(BizcWriter.ToBytes(Some.CustomConnector())));
        string Text(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        Text("actions.js").ShouldBe("module.exports = {\n  \"say-hello\": \"Returns a greeting for the given name.\"\n};\n");
        Text("etc/config.js").ShouldContain("\"logFileName\": \"test-connector\"");
        Text("etc/config.js").ShouldContain("\"backingDownConfigFile\"");
        Text("bizagiRouter.js").ShouldContain("exports.invokeAction");
        Text("package.json").ShouldContain("\"bz-util\": \"*\"");
        Text("Readme.md").ShouldBe("Project: Test Connector\n    Version: 1.0.0");
    }

    [Fact]
    public async Task RoundTrip_NewConnectorThroughBizc_GivesAnEqualModel()
    {
        var package = Some.CustomConnector().Edit(d => d with { Errors = [new("APP.FAIL", "It failed: %s \"quoted\"\nnext")] });

        (await ReadAsync(BizcWriter.ToBytes(package))).Package.ShouldBe(package);
    }

    [Fact]
    public async Task RoundTrip_BizcToSourceFolderAndBack_GivesAnEqualModel()
    {
        var fromBizc = (await ReadEditorPackageAsync());

        var source = SourceFolder.Read(SourceFolder.ToFiles(fromBizc));

        source.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        source.Package.ShouldBe(fromBizc);
    }

    [Fact]
    public async Task Read_UnknownProperties_AreKeptThroughARoundTrip()
    {
        var files = BizagiPackage.Files();
        files["def/connector.json"] = files["def/connector.json"].Replace("\"runtimeversion\":\"1\"", "\"runtimeversion\":\"1\",\"editorfeature\":{\"x\":[1,2]}", StringComparison.Ordinal);
        var package = (await ReadAsync(BizagiPackage.Build(files))).Package!;

        package.Definition.Extra.ShouldBe([new ExtraProperty("editorfeature", "{\"x\":[1,2]}")]);
        (await ReadAsync(BizcWriter.ToBytes(package))).Package.ShouldBe(package);
    }

    [Fact]
    public async Task Read_MissingDefinition_NamesTheNestedFolder()
    {
        var files = BizagiPackage.Files().ToDictionary(f => "my-connector/" + f.Key, f => f.Value);

        var result = await ReadAsync(BizagiPackage.Build(files));

        result.Package.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("missing-definition");
        diagnostic.Message.ShouldContain("my-connector/def/connector.json");
    }

    [Fact]
    public async Task Read_BrokenDefinitionJson_GivesTheLine()
    {
        var files = BizagiPackage.Files();
        files["def/connector.json"] = "{\n  \"name\": \"x\",\n  oops\n}";

        var diagnostic = (await ReadAsync(BizagiPackage.Build(files))).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("invalid-json");
        diagnostic.Location.File.ShouldBe("def/connector.json");
        diagnostic.Location.Path!.ShouldStartWith("line 3");
    }

    [Fact]
    public async Task Read_WrongTypesInDefinition_ReportsEachPath()
    {
        var files = BizagiPackage.Files();
        files["def/connector.json"] = files["def/connector.json"]
            .Replace("\"version\":\"1.0.0\"", "\"version\":1", StringComparison.Ordinal)
            .Replace("\"required\":true,\"passwordmode\":true", "\"required\":\"yes\",\"passwordmode\":true", StringComparison.Ordinal);

        var errors = (await ReadAsync(BizagiPackage.Build(files))).Diagnostics.Where(d => d.IsError).Select(d => d.Location.ToString()).ToList();

        errors.ShouldContain("def/connector.json: version");
        errors.ShouldContain("def/connector.json: systemdefinition.authentications[0].properties[0].required");
    }

    [Fact]
    public async Task Read_UnreadableErrorsModule_IsAnError()
    {
        var files = BizagiPackage.Files();
        files["etc/errors.js"] = "module.exports = buildErrors();";

        (await ReadAsync(BizagiPackage.Build(files))).Diagnostics.ShouldContain(d => d.Code == "unreadable-errors-module" && d.Location.File == "etc/errors.js");
    }

    [Fact]
    public async Task Read_ZipSlipEntry_IsRejected()
    {
        var files = BizagiPackage.Files();
        files["../../evil.js"] = "x";

        var result = await ReadAsync(BizagiPackage.Build(files));

        result.Package.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Code == "unsafe-path" && d.Location.Path == "../../evil.js");
    }

    [Fact]
    public async Task Read_MoreFilesThanTheLimit_IsRejected()
    {
        var result = await ReadAsync(BizagiPackage.Build(), new PackageLimits { MaxFileCount = 5 });

        result.Package.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Code == "too-many-files");
    }

    [Fact]
    public async Task Read_NotAZip_IsAnError() =>
        ((await ReadAsync("not a zip"u8.ToArray()))).Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("invalid-zip");
}
