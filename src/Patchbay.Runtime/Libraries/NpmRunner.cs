using System.Diagnostics;

namespace Patchbay.Runtime.Libraries;

/// <summary>Runs the <c>npm</c> found on PATH with <see cref="ProcessStartInfo.ArgumentList"/>, never through a shell.</summary>
public sealed class NpmRunner : INpmRunner
{
    /// <summary>How many of npm's last stderr lines <see cref="NpmRunResult.StandardErrorTail"/> keeps.</summary>
    public const int StandardErrorTailLines = 20;

    private readonly string? _executable;

    /// <summary>Uses the npm found on PATH when it is first run.</summary>
    public NpmRunner()
    {
    }

    /// <summary>Uses the given executable instead of searching PATH (tests use it to run something else in npm's place).</summary>
    internal NpmRunner(string executable) => _executable = executable;

    public async Task<NpmRunResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, IProgress<string>? output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();

        var startInfo = new ProcessStartInfo(_executable ?? FindNpm())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Keep the output plain and free of nags: the lines are shown to the user as progress.
        startInfo.Environment["npm_config_update_notifier"] = "false";
        startInfo.Environment["npm_config_color"] = "false";
        startInfo.Environment["npm_config_progress"] = "false";

        var tail = new Queue<string>();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Report(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Report(e.Data, isError: true);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited on its own between the cancellation and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        lock (tail)
        {
            return new NpmRunResult(process.ExitCode, [.. tail]);
        }

        void Report(string? line, bool isError)
        {
            if (line is null)
            {
                return;
            }

            if (isError)
            {
                lock (tail)
                {
                    tail.Enqueue(line);
                    if (tail.Count > StandardErrorTailLines)
                    {
                        tail.Dequeue();
                    }
                }
            }

            output?.Report(line);
        }
    }

    /// <summary>The npm executable on PATH: <c>npm.cmd</c> on Windows, <c>npm</c> elsewhere.</summary>
    internal static string FindNpm()
    {
        string[] names = OperatingSystem.IsWindows() ? ["npm.cmd", "npm.exe"] : ["npm"];
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new NpmNotFoundException();
    }
}
