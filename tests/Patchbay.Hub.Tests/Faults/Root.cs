using System.Diagnostics;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>Runs the system tools fault tests need (mount, runuser, pg_ctl), which need root: CI runs as root.</summary>
internal static class Root
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Fails the test with what is missing when not root: the fault it tests cannot be made otherwise.</summary>
    public static void Require(string why) =>
        IsRoot.ShouldBeTrue($"This test needs root (or CAP_SYS_ADMIN) to {why}; .ci/run runs as root.");

    /// <summary>Runs a program to its end and returns its exit code and output (both streams).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs a program and fails the test with its output when it does not succeed.</summary>
    public static async Task<string> RunCheckedAsync(string program, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(program, arguments);
        exitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)}:\n{output}");
        return output;
    }
}
