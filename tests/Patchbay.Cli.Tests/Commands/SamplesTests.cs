using System.Diagnostics;
using System.IO.Compression;
using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Cli.Tests.Commands;

public sealed class SamplesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("github-issues")]
    [InlineData("petstore")]
    public async Task Sample_ValidatesCleanlyAndRoundTripsThroughBizc(string sample)
    {
        var folder = Path.Combine(Repository.Samples, sample);

        var validate = await _folder.RunAsync("validate", folder);
        var pack = await _folder.RunAsync("pack", folder, "-o", "sample.bizc");

        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Error.ShouldNotContain("warning");
        pack.ExitCode.ShouldBe(0, pack.ToString());
        var fromBizc = await BizcReader.ReadAsync(_folder["sample.bizc"], PackageLimits.Default, TestContext.Current.CancellationToken);
        fromBizc.Diagnostics.ShouldBeEmpty();
        fromBizc.Package.ShouldBe(SourceFolder.Read(folder, PackageLimits.Default).Package);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task GitHubSample_Package_ResolvesAxiosInNode()
    {
        await _folder.RunAsync("pack", Path.Combine(Repository.Samples, "github-issues"), "-o", "github.bizc");
        await ZipFile.ExtractToDirectoryAsync(_folder["github.bizc"], _folder["installed"], TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo("node") { WorkingDirectory = _folder["installed"], RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("const axios = require('./node_modules/axios'); console.log(typeof axios.create);");
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        node.ExitCode.ShouldBe(0, error);
        output.Trim().ShouldBe("function");
    }
}
