using System.Diagnostics;
using Patchbay.Cli.Tests.Support;
using Patchbay.Runtime.Libraries;

namespace Patchbay.Cli.Tests.Libraries;

[Trait("Category", "Integration")]
public sealed class NpmRunnerTests
{
    [Fact]
    public async Task RunAsync_NpmVersion_StreamsOutputAndSucceeds()
    {
        var lines = new List<string>();
        using var folder = new TempFolder();

        var result = await new NpmRunner().RunAsync(folder.Path, ["--version"], new CollectingProgress(lines), TestContext.Current.CancellationToken);

        result.ExitCode.ShouldBe(0);
        lines.Any(l => Version.TryParse(l, out var version) && version.Major > 0).ShouldBeTrue(string.Join("\n", lines));
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsWholeProcessTree()
    {
        // node stands in for npm: it starts a grandchild that would outlive a plain Kill(), prints its pid, then waits.
        const string script = """
            const child = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
            console.log('child ' + child.pid);
            setTimeout(() => {}, 120000);
            """;
        var childPid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new CallbackProgress(line =>
        {
            if (line.StartsWith("child ", StringComparison.Ordinal))
            {
                childPid.TrySetResult(int.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        using var folder = new TempFolder();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var runner = new NpmRunner(FindOnPath("node"));

        var run = runner.RunAsync(folder.Path, ["-e", script], progress, cancellation.Token);
        var pid = await childPid.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => run);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        await WaitUntilGoneAsync(pid);
    }

    [Fact]
    public void FindNpm_NpmOnPath_ReturnsExistingFile() => File.Exists(NpmRunner.FindNpm()).ShouldBeTrue();

    private static async Task WaitUntilGoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.HasExited)
                {
                    return;
                }
            }
            catch (ArgumentException)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException($"Process {pid} (npm's child) is still running after cancellation.");
    }

    private static string FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name))
            .First(File.Exists);

    private sealed class CollectingProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }

    private sealed class CallbackProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
