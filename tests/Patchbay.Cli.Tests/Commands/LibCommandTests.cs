using System.IO.Compression;
using Patchbay.Cli.Tests.Support;

namespace Patchbay.Cli.Tests.Commands;

public sealed class LibCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Add_ZipWithIntermediateFolder_IsRejectedAndChangesNothing()
    {
        await _folder.RunAsync("new", "Shop");
        WriteZip(_folder["bad.zip"], ("mylib/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}"), ("mylib/left-pad/index.js", "module.exports = 1;"));

        var run = await _folder.RunAsync("lib", "add", "bad.zip", "--connector", "shop");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("bad.zip: mylib/");
        run.Error.ShouldContain("library-intermediate-folder");
        run.Error.ShouldContain("the connector was not changed");
        Directory.Exists(_folder["shop/libraries"]).ShouldBeFalse();
    }

    [Fact]
    public async Task Add_FlattenedZip_PutsPackagesInLibraries()
    {
        await _folder.RunAsync("new", "Shop");
        WriteZip(_folder["ok.zip"], ("left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}"), ("left-pad/index.js", "module.exports = 1;"));

        var run = await _folder.RunAsync("lib", "add", "ok.zip", "--connector", "shop");
        var validate = await _folder.RunAsync("validate", "shop");

        run.ExitCode.ShouldBe(0, run.ToString());
        File.ReadAllText(_folder["shop/libraries/left-pad/index.js"]).ShouldBe("module.exports = 1;");
        validate.ExitCode.ShouldBe(0, validate.ToString());
    }

    [Fact]
    public async Task Add_ConnectorFolderMissing_IsAUserError() =>
        (await _folder.RunAsync("lib", "add", "x.zip", "--connector", "nowhere")).ExitCode.ShouldBe(1);

    [Fact]
    [Trait("Category", "Integration")]
    public async Task PackThenAdd_RealNpmPackage_Works()
    {
        await _folder.RunAsync("new", "Shop");

        var pack = await _folder.RunAsync("lib", "pack", "is-number@7.0.0", "-o", "libs/is-number.zip");
        var add = await _folder.RunAsync("lib", "add", "libs/is-number.zip", "--connector", "shop");

        pack.ExitCode.ShouldBe(0, pack.ToString());
        pack.Output.Trim().ShouldBe(_folder["libs/is-number.zip"]);
        pack.Error.ShouldContain("npm install is-number@7.0.0");
        add.ExitCode.ShouldBe(0, add.ToString());
        File.Exists(_folder["shop/libraries/is-number/package.json"]).ShouldBeTrue();
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Pack_PackageThatDoesNotExist_ShowsNpmsError()
    {
        var run = await _folder.RunAsync("lib", "pack", "patchbay-no-such-package-4f9e2", "-o", "x.zip");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("npm-install-failed");
        File.Exists(_folder["x.zip"]).ShouldBeFalse();
    }

    private static void WriteZip(string path, params (string Name, string Text)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }
    }
}
