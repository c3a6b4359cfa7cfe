using System.Diagnostics;
using Patchbay.Cli.Tests.Support;

namespace Patchbay.Cli.Tests.Commands;

public sealed class UsageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData]
    [InlineData("new")]
    [InlineData("validate")]
    [InlineData("pack")]
    [InlineData("unpack")]
    [InlineData("schema")]
    [InlineData("schema", "infer")]
    [InlineData("lib")]
    [InlineData("lib", "pack")]
    [InlineData("lib", "add")]
    [InlineData("import")]
    [InlineData("import", "openapi")]
    [InlineData("config")]
    [InlineData("config", "show")]
    [InlineData("config", "set")]
    public async Task Help_EveryCommand_DescribesItsUsage(params string[] command)
    {
        var run = await _folder.RunAsync([.. command, "--help"]);

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain($"Usage:\n  {string.Join(' ', ["patchbay", .. command])} ");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("new")]
    [InlineData("new", "x", "--no-such-option")]
    [InlineData("schema", "infer", "x.json", "--tree", "sideways")]
    public async Task BadUsage_ExitsWithTwo(params string[] args)
    {
        var run = await _folder.RunAsync(args);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("error:");
    }

    [Fact]
    public async Task RealProcess_ExitCodes_AreThoseOfTheTool()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "patchbay.dll");

        (await RunProcessAsync(tool, "--help")).ShouldBe(0);
        (await RunProcessAsync(tool, "validate", _folder["missing"])).ShouldBe(1);
        (await RunProcessAsync(tool, "no-such-command")).ShouldBe(2);
    }

    private static async Task<int> RunProcessAsync(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken), process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await drain;
        return process.ExitCode;
    }
}
