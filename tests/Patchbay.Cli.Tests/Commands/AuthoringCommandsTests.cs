using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Cli.Tests.Commands;

public sealed class AuthoringCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task NewValidatePackUnpack_CustomConnector_RoundTrips()
    {
        (await _folder.RunAsync("new", "Git Hub")).ExitCode.ShouldBe(0);
        var validate = await _folder.RunAsync("validate", "git-hub");
        var pack = await _folder.RunAsync("pack", "git-hub", "-o", "out.bizc");
        var unpack = await _folder.RunAsync("unpack", "out.bizc", "-o", "again");

        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Error.ShouldContain("Git Hub 1.0.0 is valid.");
        pack.ExitCode.ShouldBe(0, pack.ToString());
        pack.Output.Trim().ShouldBe(_folder["out.bizc"]);
        unpack.ExitCode.ShouldBe(0, unpack.ToString());
        SourceFolder.Read(_folder["again"], PackageLimits.Default).Package
            .ShouldBe(SourceFolder.Read(_folder["git-hub"], PackageLimits.Default).Package);
    }

    [Fact]
    public async Task New_Rest_CreatesAValidEasyRestConnector()
    {
        (await _folder.RunAsync("new", "Items API", "--rest", "-o", "items")).ExitCode.ShouldBe(0);

        var result = SourceFolder.Read(_folder["items"], PackageLimits.Default);

        result.Diagnostics.ShouldBeEmpty();
        result.Package!.Definition.Type.ShouldBe(Core.Model.ConnectorType.EasyRest);
        File.Exists(_folder["items/auth/auth.js"]).ShouldBeFalse();
    }

    [Fact]
    public async Task New_IntoExistingFolder_FailsWithoutTouchingIt()
    {
        Directory.CreateDirectory(_folder["taken"]);
        await File.WriteAllTextAsync(_folder["taken/keep.txt"], "mine", TestContext.Current.CancellationToken);

        var run = await _folder.RunAsync("new", "X", "-o", "taken");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("not empty");
        Directory.GetFiles(_folder["taken"]).ShouldBe([_folder["taken/keep.txt"]]);
    }

    [Fact]
    public async Task Pack_DefaultName_IsFolderNameAndVersion()
    {
        await _folder.RunAsync("new", "Weather");

        var run = await _folder.RunAsync("pack", "weather");

        run.ExitCode.ShouldBe(0, run.ToString());
        File.Exists(_folder["weather-1.0.0.bizc"]).ShouldBeTrue();
        (await BizcReader.ReadAsync(_folder["weather-1.0.0.bizc"], PackageLimits.Default, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ValidateAndPack_BrokenConnector_ListEveryProblemAndWriteNothing()
    {
        await _folder.RunAsync("new", "Broken");
        var json = _folder["broken/connector.json"];
        var text = await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(json, text.Replace("\"1.0.0\"", "\"1.0\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(_folder["broken/actions/say-hello.js"], "function invoke() {}", TestContext.Current.CancellationToken);

        var validate = await _folder.RunAsync("validate", "broken");
        var pack = await _folder.RunAsync("pack", "broken", "-o", "broken.bizc");

        validate.ExitCode.ShouldBe(1);
        validate.Error.ShouldContain("connector.json: version: error invalid-version");
        validate.Error.ShouldContain("actions/say-hello.js: error missing-invoke-export");
        validate.Error.ShouldContain("2 errors");
        pack.ExitCode.ShouldBe(1);
        File.Exists(_folder["broken.bizc"]).ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_Json_WritesMachineReadableDiagnostics()
    {
        await _folder.RunAsync("new", "Json Check");
        File.Delete(_folder["json-check/auth/auth.js"]);

        var run = await _folder.RunAsync("validate", "json-check", "--json");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("\"code\": \"missing-auth-file\"");
        run.Output.ShouldContain("\"file\": \"auth/auth.js\"");
    }

    [Fact]
    public async Task Unpack_MissingFile_IsAUserError()
    {
        var run = await _folder.RunAsync("unpack", "nothing.bizc");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Validate_PathThatIsNothing_IsAUserError() =>
        (await _folder.RunAsync("validate", "nowhere")).ExitCode.ShouldBe(1);
}
