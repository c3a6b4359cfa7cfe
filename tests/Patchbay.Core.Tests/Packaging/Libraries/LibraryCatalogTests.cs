using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Core.Tests.Packaging.Libraries;

public sealed class LibraryCatalogTests
{
    [Fact]
    public void List_ConnectorNodeModules_ListsTopLevelScopedAndNestedPackages()
    {
        var files = FileSet.Empty
            .WithText("node_modules/axios/package.json", """{"version":"1.7.0"}""")
            .WithText("node_modules/axios/lib/package.json", """{"version":"9.9.9"}""")
            .WithText("node_modules/@scope/name/package.json", """{"version":"2.0.0"}""")
            .WithText("node_modules/request/node_modules/qs/package.json", """{"version":"6.5.3"}""")
            .WithText("node_modules/broken/package.json", "{")
            .WithText("actions/package.json", """{"version":"1.0.0"}""");

        var packages = LibraryCatalog.List(files, "node_modules/");

        packages.Select(p => $"{p.Folder}: {p}").ShouldBe(
        [
            "@scope/name: @scope/name@2.0.0",
            "axios: axios@1.7.0",
            "broken: broken",
            "request/node_modules/qs: qs@6.5.3",
        ]);
    }
}
