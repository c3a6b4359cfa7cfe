using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Core.Tests.Packaging.Libraries;

public sealed class NodeModulesLayoutTests
{
    [Fact]
    public void Normalize_EditorLibraryFolder_MovesPackagesToTopLevel()
    {
        var files = Files(
            "actions/get.js",
            "node_modules/rest/node-rest-client/package.json",
            "node_modules/rest/node-rest-client/lib/client.js",
            "node_modules/rest/xml2js/package.json",
            "node_modules/rest/@types/node/package.json");

        var result = NodeModulesLayout.Normalize(files);

        result.Files.Paths.ShouldBe(
        [
            "actions/get.js",
            "node_modules/@types/node/package.json",
            "node_modules/node-rest-client/lib/client.js",
            "node_modules/node-rest-client/package.json",
            "node_modules/xml2js/package.json",
        ]);
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Code.ShouldBe(LibraryDiagnosticCodes.FolderFlattened);
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Location.File.ShouldBe("node_modules/rest/");
    }

    [Fact]
    public void Normalize_BzUtil_DroppedAtTopLevelAndInsideLibraryFolder()
    {
        var files = Files(
            "node_modules/bz-util/package.json",
            "node_modules/bz-util/node_modules/log4js/package.json",
            "node_modules/rest/bz-util/package.json",
            "node_modules/rest/ms/package.json");

        var result = NodeModulesLayout.Normalize(files);

        result.Files.Paths.ShouldBe(["node_modules/ms/package.json"]);
    }

    [Fact]
    public void Normalize_PackageAlreadyAtTopLevel_KeepsExistingAndWarnsNamingBoth()
    {
        var files = FileSet.Empty
            .WithText("node_modules/ms/package.json", """{"version":"2.1.3"}""")
            .WithText("node_modules/rest/ms/package.json", """{"version":"0.7.1"}""")
            .WithText("node_modules/rest/sax/package.json", "{}");

        var result = NodeModulesLayout.Normalize(files);

        result.Files.GetText("node_modules/ms/package.json").ShouldBe("""{"version":"2.1.3"}""");
        result.Files.Contains("node_modules/sax/package.json").ShouldBeTrue();
        var conflict = result.Diagnostics.Single(d => d.Code == LibraryDiagnosticCodes.PackageConflict);
        conflict.Location.File.ShouldBe("node_modules/rest/ms/");
        conflict.Message.ShouldContain("node_modules/ms/");
    }

    [Fact]
    public void Normalize_FlatLayoutAndScopedPackages_Unchanged()
    {
        var files = Files(
            "node_modules/axios/package.json",
            "node_modules/@scope/name/package.json",
            "node_modules/@scope/name/index.js",
            "etc/config.js");

        var result = NodeModulesLayout.Normalize(files);

        result.Files.ShouldBe(files);
        result.Diagnostics.ShouldBeEmpty();
    }

    private static FileSet Files(params string[] paths) =>
        FileSet.From(paths.Select(p => KeyValuePair.Create(p, FileSet.EncodeText(p))));
}
