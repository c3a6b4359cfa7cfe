using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Core.Tests.Packaging.Libraries;

public sealed class ConnectorLibrariesTests
{
    [Fact]
    public void List_ConnectorPackages_GivesVersionLicenceAndWhoNeedsThem()
    {
        var files = FileSet.Empty
            .WithText("node_modules/debug/package.json", """{"version":"4.4.3","license":"MIT","dependencies":{"ms":"^2.1.3"}}""")
            .WithText("node_modules/ms/package.json", """{"version":"2.1.3","license":{"type":"MIT","url":"x"}}""")
            .WithText("node_modules/old/package.json", """{"version":"0.1.0","licenses":[{"type":"MIT"},{"type":"Apache-2.0"}]}""")
            .WithText("node_modules/secret/package.json", """{"version":"1.0.0"}""")
            .WithText("actions/say-hello.js", "");

        var libraries = ConnectorLibraries.List(files);

        libraries.Select(l => $"{l.Package} {l.Package.License ?? "-"} [{string.Join(",", l.NeededBy)}]").ShouldBe(
        [
            "debug@4.4.3 MIT []",
            "ms@2.1.3 MIT [debug]",
            "old@0.1.0 MIT OR Apache-2.0 []",
            "secret@1.0.0 - []",
        ]);
    }

    [Fact]
    public async Task Add_LibraryZip_PutsItsPackagesUnderNodeModulesAndReplacesSameNamedOnes()
    {
        var files = FileSet.Empty
            .WithText("actions/a.js", "code")
            .WithText("node_modules/axios/package.json", """{"version":"0.27.0"}""")
            .WithText("node_modules/axios/node_modules/form-data/package.json", """{"version":"3.0.0"}""")
            .WithText("node_modules/axios/old.js", "old")
            .WithText("node_modules/qs/package.json", """{"version":"6.0.0"}""");
        var inspection = await InspectAsync(new TestZip()
            .Package("axios", "1.7.0", """{"follow-redirects":"^1"}""")
            .Package("follow-redirects", "1.15.6"));

        var addition = ConnectorLibraries.Add(files, inspection);

        addition.Added.Select(p => p.ToString()).ShouldBe(["axios@1.7.0", "follow-redirects@1.15.6"]);
        addition.Replaced.ShouldBe([new LibraryReplacement("axios", "0.27.0", "1.7.0")]);
        addition.Files.Paths.ShouldBe(
        [
            "actions/a.js",
            "node_modules/axios/index.js", "node_modules/axios/package.json",
            "node_modules/follow-redirects/index.js", "node_modules/follow-redirects/package.json",
            "node_modules/qs/package.json",
        ]);
    }

    [Fact]
    public async Task Add_RejectedInspection_Throws()
    {
        var inspection = await InspectAsync(new TestZip().Package("mylib/axios"));

        Should.Throw<ArgumentException>(() => ConnectorLibraries.Add(FileSet.Empty, inspection));
    }

    [Fact]
    public void PlanRemoval_PackageWithOwnDependencies_TakesWhatOnlyItNeeds()
    {
        var files = Libraries(
            ("request", """{"qs":"~6.5","uuid":"^3","mime":"*"}"""),
            ("request/node_modules/qs", "{}"),
            ("uuid", "{}"),
            ("mime", """{"mime-db":"*"}"""),
            ("mime-db", "{}"),
            ("axios", """{"mime":"*"}"""),
            ("qs", "{}"));

        var removal = ConnectorLibraries.PlanRemoval(files, "request");

        removal.Removed.Select(p => p.Folder).ShouldBe(["request", "request/node_modules/qs", "uuid"]);
        removal.BrokenDependents.ShouldBeEmpty();
        removal.ApplyTo(files).Paths.ShouldBe(
        [
            "actions/a.js",
            "node_modules/axios/package.json", "node_modules/mime-db/package.json", "node_modules/mime/package.json",
            "node_modules/qs/package.json",
        ]);
    }

    [Fact]
    public void PlanRemoval_DependencyChainAndCycle_AllGoWhenOnlyThePackageNeedsThem()
    {
        var files = Libraries(
            ("debug", """{"ms":"*"}"""),
            ("ms", """{"tiny":"*"}"""),
            ("tiny", """{"ms":"*"}"""),
            ("@scope/kept", "{}"));

        var removal = ConnectorLibraries.PlanRemoval(files, "debug");

        removal.Removed.Select(p => p.Name).ShouldBe(["debug", "ms", "tiny"]);
        ConnectorLibraries.List(removal.ApplyTo(files)).Select(l => l.Package.Name).ShouldBe(["@scope/kept"]);
    }

    [Fact]
    public void PlanRemoval_PackageOthersNeed_NamesThemAsBroken()
    {
        var files = Libraries(("debug", """{"ms":"*"}"""), ("ms", "{}"));

        var removal = ConnectorLibraries.PlanRemoval(files, "ms");

        removal.Removed.Select(p => p.Name).ShouldBe(["ms"]);
        removal.BrokenDependents.Select(p => p.Name).ShouldBe(["debug"]);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("request/node_modules/qs")]
    public void PlanRemoval_NoSuchTopLevelPackage_Throws(string name)
    {
        var files = Libraries(("request", """{"qs":"*"}"""), ("request/node_modules/qs", "{}"));

        Should.Throw<ArgumentException>(() => ConnectorLibraries.PlanRemoval(files, name));
    }

    private static FileSet Libraries(params (string Folder, string Dependencies)[] packages)
    {
        var files = FileSet.Empty.WithText("actions/a.js", "code");
        foreach (var (folder, dependencies) in packages)
        {
            files = files.WithText($"node_modules/{folder}/package.json", $$"""{"version":"1.0.0","dependencies":{{dependencies}}}""");
        }

        return files;
    }

    private static async Task<LibraryInspection> InspectAsync(TestZip zip)
    {
        await using var stream = zip.ToStream();
        return await LibraryZipInspector.InspectAsync(stream, "lib.zip", PackageLimits.Default, TestContext.Current.CancellationToken);
    }
}
