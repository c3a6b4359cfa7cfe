using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Packaging.Libraries;
using Patchbay.Runtime.Libraries;

namespace Patchbay.Cli.Tests.Libraries;

public sealed class LibraryPackerTests : IDisposable
{
    private readonly TempFolder _output = new();

    [Fact]
    public async Task PackAsync_NpmFails_ReturnsErrorWithStderrTailAndWritesNothing()
    {
        var npm = new FakeNpmRunner(_ => new NpmRunResult(1, ["npm error code E404", "npm error 404 Not Found - GET https://registry/nope"]));
        var zip = _output.Combine("lib.zip");

        var result = await new LibraryPacker(npm).PackAsync(["nope"], zip, null, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeFalse();
        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(LibraryPacker.NpmInstallFailed);
        error.Message.ShouldContain("npm error 404 Not Found");
        Directory.EnumerateFileSystemEntries(_output.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task PackAsync_InstallArguments_SafeOptionsThenSpecs()
    {
        var npm = new FakeNpmRunner(_ => new NpmRunResult(1, []));

        await new LibraryPacker(npm).PackAsync(["axios@1", "@scope/x"], _output.Combine("lib.zip"), null, TestContext.Current.CancellationToken);

        var arguments = npm.Calls.ShouldHaveSingleItem();
        arguments[0].ShouldBe("install");
        arguments.ShouldContain("--ignore-scripts");
        arguments.ShouldContain("--omit=dev");
        arguments.TakeLast(2).ShouldBe(["axios@1", "@scope/x"]);
    }

    [Theory]
    [InlineData("--registry=https://evil.example")]
    [InlineData("")]
    public async Task PackAsync_SpecThatIsNotAPackage_Throws(string spec)
    {
        var npm = new FakeNpmRunner(_ => new NpmRunResult(0, []));

        await Should.ThrowAsync<ArgumentException>(
            () => new LibraryPacker(npm).PackAsync([spec], _output.Combine("lib.zip"), null, TestContext.Current.CancellationToken));
        npm.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task PackAsync_InstalledTreeIncomplete_RejectedAndNoZipLeft()
    {
        var npm = new FakeNpmRunner(project =>
        {
            var package = Path.Combine(project, "node_modules", "axios");
            Directory.CreateDirectory(package);
            File.WriteAllText(Path.Combine(package, "package.json"), """{"name":"axios","version":"1.0.0","dependencies":{"form-data":"^4"}}""");
            return new NpmRunResult(0, []);
        });

        var result = await new LibraryPacker(npm).PackAsync(["axios"], _output.Combine("lib.zip"), null, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Code == LibraryDiagnosticCodes.MissingDependency);
        Directory.EnumerateFileSystemEntries(_output.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task PackAsync_ExistingZipAndNpmFails_ExistingZipUntouched()
    {
        _output.Write("lib.zip", "previous");
        var npm = new FakeNpmRunner(_ => new NpmRunResult(1, ["boom"]));

        await new LibraryPacker(npm).PackAsync(["axios"], _output.Combine("lib.zip"), null, TestContext.Current.CancellationToken);

        _output.Snapshot().ShouldBe(new Dictionary<string, string> { ["lib.zip"] = "previous" });
    }

    public void Dispose() => _output.Dispose();
}
