using Patchbay.Core.Diagnostics;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;
using Patchbay.Core.Packaging.Zip;

namespace Patchbay.Core.Tests.Packaging.Libraries;

public sealed class LibraryZipInspectorTests
{
    private const string ZipName = "lib.zip";

    [Fact]
    public async Task InspectAsync_FlattenedLibrary_ReturnsFilesAndPackages()
    {
        var zip = new TestZip()
            .Directory("axios/")
            .Package("axios", "1.7.0", """{"follow-redirects":"^1.15.0","@scope/util":"^2"}""")
            .Package("follow-redirects", "1.15.6")
            .Package("@scope/util", "2.0.0")
            .Package("request", "2.88.2", """{"qs":"~6.5.2","follow-redirects":"*"}""")
            .Package("request/node_modules/qs", "6.5.3")
            .Package("qs", "6.13.0")
            .File(".package-lock.json", "{}")
            .File(".bin/axios", "#!/bin/sh")
            .File("request/node_modules/.bin/x", "#!/bin/sh");

        var result = await InspectAsync(zip);

        result.IsValid.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldBeEmpty();
        result.Files.Paths.ShouldContain("axios/package.json");
        result.Files.Paths.ShouldContain("@scope/util/index.js");
        result.Files.Paths.ShouldContain("request/node_modules/qs/package.json");
        result.Files.Paths.ShouldNotContain(p => p.Contains(".bin/", StringComparison.Ordinal) || p.EndsWith(".package-lock.json", StringComparison.Ordinal));
        result.Packages.Select(p => $"{p.Folder}={p}").ShouldBe(
        [
            "@scope/util=@scope/util@2.0.0", "axios=axios@1.7.0", "follow-redirects=follow-redirects@1.15.6",
            "qs=qs@6.13.0", "request=request@2.88.2", "request/node_modules/qs=qs@6.5.3",
        ]);
        result.Packages.Single(p => p.Folder == "request/node_modules/qs").IsTopLevel.ShouldBeFalse();
    }

    [Fact]
    public async Task InspectAsync_IntermediateFolder_RejectedWithMoveToRoot()
    {
        var result = await InspectAsync(new TestZip().Package("mylib/axios").Package("mylib/qs"));

        var error = ShouldHaveError(result, LibraryDiagnosticCodes.IntermediateFolder, "mylib/");
        error.Message.ShouldContain("mylib/axios/");
        error.Message.ShouldContain("Move its contents to the zip root");
    }

    [Fact]
    public async Task InspectAsync_NodeModulesAtRoot_RejectedWithMoveToRoot()
    {
        var result = await InspectAsync(new TestZip().Package("node_modules/axios"));

        ShouldHaveError(result, LibraryDiagnosticCodes.IntermediateFolder, "node_modules/").Message.ShouldContain("Move its contents to the zip root");
    }

    [Fact]
    public async Task InspectAsync_FileAtRoot_Rejected()
    {
        var result = await InspectAsync(new TestZip().Package("axios").File("index.js"));

        ShouldHaveError(result, LibraryDiagnosticCodes.RootFile, "index.js");
    }

    [Fact]
    public async Task InspectAsync_PackageJsonAtRoot_RejectedAsNeedingItsOwnFolder()
    {
        var result = await InspectAsync(new TestZip().File("package.json", """{"name":"x"}""").File("lib/index.js"));

        ShouldHaveError(result, LibraryDiagnosticCodes.RootFile, "package.json").Message.ShouldContain("the package needs its own folder");
    }

    [Fact]
    public async Task InspectAsync_FolderWithoutPackageJson_Rejected()
    {
        var result = await InspectAsync(new TestZip().Package("axios").File("docs/readme.md"));

        ShouldHaveError(result, LibraryDiagnosticCodes.MissingPackageJson, "docs/");
    }

    [Fact]
    public async Task InspectAsync_NestedFolderWithoutPackageJson_Rejected()
    {
        var result = await InspectAsync(new TestZip().Package("request").File("request/node_modules/qs/index.js"));

        ShouldHaveError(result, LibraryDiagnosticCodes.MissingPackageJson, "request/node_modules/qs/");
    }

    [Fact]
    public async Task InspectAsync_InvalidPackageJson_Rejected()
    {
        var result = await InspectAsync(new TestZip().File("axios/package.json", "{ not json").File("axios/index.js"));

        ShouldHaveError(result, LibraryDiagnosticCodes.InvalidPackageJson, "axios/package.json");
    }

    [Fact]
    public async Task InspectAsync_MissingDependency_RejectedNamingPackageAndRange()
    {
        var result = await InspectAsync(new TestZip().Package("axios", dependencies: """{"form-data":"^4.0.0"}"""));

        ShouldHaveError(result, LibraryDiagnosticCodes.MissingDependency, "axios/package.json")
            .Message.ShouldStartWith("axios/package.json: dependency 'form-data' (^4.0.0) is not in the zip");
    }

    [Fact]
    public async Task InspectAsync_NestedPackageDependencyFoundInAncestor_Accepted()
    {
        var zip = new TestZip()
            .Package("request", dependencies: """{"har-validator":"*"}""")
            .Package("request/node_modules/har-validator", dependencies: """{"ajv":"*","uri-js":"*"}""")
            .Package("request/node_modules/ajv")
            .Package("uri-js");

        var result = await InspectAsync(zip);

        result.IsValid.ShouldBeTrue(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task InspectAsync_NestedPackageDependencyOnlyInSiblingsSubtree_Rejected()
    {
        var zip = new TestZip()
            .Package("a", dependencies: """{"b":"*"}""")
            .Package("b", dependencies: """{"c":"*"}""")
            .Package("a/node_modules/c");

        var result = await InspectAsync(zip);

        ShouldHaveError(result, LibraryDiagnosticCodes.MissingDependency, "b/package.json").Message.ShouldContain("'c'");
    }

    [Fact]
    public async Task InspectAsync_MissingOptionalDependency_OnlyWarns()
    {
        var result = await InspectAsync(new TestZip().Package("chokidar", optional: """{"fsevents":"~2.3.2"}"""));

        result.IsValid.ShouldBeTrue();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Code.ShouldBe(LibraryDiagnosticCodes.MissingOptionalDependency);
    }

    [Fact]
    public async Task InspectAsync_DotDotEntry_Rejected()
    {
        var result = await InspectAsync(new TestZip().Package("axios").File("../evil.js"));

        ShouldHaveError(result, ZipDiagnosticCodes.UnsafePath, "../evil.js");
    }

    [Theory]
    [InlineData("/etc/evil.js")]
    [InlineData("C:\\evil.js")]
    [InlineData("C:/evil.js")]
    [InlineData("\\\\server\\share\\evil.js")]
    public async Task InspectAsync_AbsoluteEntry_Rejected(string name)
    {
        var result = await InspectAsync(new TestZip().Package("axios").File(name));

        ShouldHaveError(result, ZipDiagnosticCodes.UnsafePath, name).Message.ShouldContain("Absolute paths");
    }

    [Theory]
    [InlineData("axios\\..\\..\\evil.js")]
    [InlineData("axios/..\\..\\evil.js")]
    public async Task InspectAsync_BackslashTraversal_Rejected(string name)
    {
        var result = await InspectAsync(new TestZip().Package("axios").File(name));

        ShouldHaveError(result, ZipDiagnosticCodes.UnsafePath, name);
    }

    [Fact]
    public async Task InspectAsync_SymlinkEntry_Rejected()
    {
        var result = await InspectAsync(new TestZip().Package("axios").Symlink("axios/secret", "/etc/passwd"));

        ShouldHaveError(result, ZipDiagnosticCodes.Symlink, "axios/secret");
    }

    [Fact]
    public async Task InspectAsync_MoreFilesThanLimit_Rejected()
    {
        var zip = new TestZip().Package("a").Package("b");

        var result = await InspectAsync(zip, new PackageLimits { MaxFileCount = 3 });

        ShouldHaveError(result, ZipDiagnosticCodes.TooManyFiles, "b/index.js").Message.ShouldContain("4 files");
    }

    [Fact]
    public async Task InspectAsync_MoreBytesThanTotalLimit_RejectedAndStops()
    {
        var zip = new TestZip().Package("a").File("a/big1.bin", new byte[600]).File("a/big2.bin", new byte[600]).File("zz");

        var result = await InspectAsync(zip, new PackageLimits { MaxTotalBytes = 1000, MaxEntryBytes = 800 });

        ShouldHaveError(result, ZipDiagnosticCodes.TooLarge, "a/big2.bin");
        result.Diagnostics.Count.ShouldBe(1);
    }

    [Fact]
    public async Task InspectAsync_EntryLargerThanLimit_Rejected()
    {
        // Zeros compress to almost nothing: the declared compressed size says little, the decompressed bytes count.
        var zip = new TestZip().Package("a").File("a/bomb.bin", new byte[1_000_000]);

        var result = await InspectAsync(zip, new PackageLimits { MaxEntryBytes = 64 * 1024 });

        ShouldHaveError(result, ZipDiagnosticCodes.EntryTooLarge, "a/bomb.bin");
    }

    [Fact]
    public async Task InspectAsync_NotAZip_Rejected()
    {
        using var stream = new MemoryStream("this is not a zip"u8.ToArray());

        var result = await LibraryZipInspector.InspectAsync(stream, ZipName, PackageLimits.Default, TestContext.Current.CancellationToken);

        ShouldHaveError(result, ZipDiagnosticCodes.InvalidZip, null);
    }

    [Fact]
    public async Task InspectAsync_EmptyZip_Rejected()
    {
        var result = await InspectAsync(new TestZip());

        ShouldHaveError(result, LibraryDiagnosticCodes.Empty, null);
    }

    [Fact]
    public async Task InspectAsync_SeveralProblems_ReportsAllInOnePass()
    {
        var zip = new TestZip()
            .Package("axios", dependencies: """{"form-data":"^4"}""")
            .File("../evil.js")
            .Symlink("axios/link", "/etc")
            .File("readme.md")
            .Package("mylib/qs");

        var result = await InspectAsync(zip);

        result.IsValid.ShouldBeFalse();
        result.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal).ShouldBe(
        [
            LibraryDiagnosticCodes.IntermediateFolder, LibraryDiagnosticCodes.MissingDependency, LibraryDiagnosticCodes.RootFile,
            ZipDiagnosticCodes.Symlink, ZipDiagnosticCodes.UnsafePath,
        ]);
    }

    private static async Task<LibraryInspection> InspectAsync(TestZip zip, PackageLimits? limits = null)
    {
        using var stream = zip.ToStream();
        return await LibraryZipInspector.InspectAsync(stream, ZipName, limits ?? PackageLimits.Default, TestContext.Current.CancellationToken);
    }

    private static Diagnostic ShouldHaveError(LibraryInspection result, string code, string? entry)
    {
        result.IsValid.ShouldBeFalse();
        result.Files.ShouldBeNull();
        var error = result.Diagnostics.Where(d => d.Code == code).ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));
        error.Severity.ShouldBe(DiagnosticSeverity.Error);
        error.Location.ShouldBe(new Location(ZipName, entry));
        return error;
    }
}
