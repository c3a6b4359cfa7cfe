using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Tests.Scaling;

/// <summary>
/// A hub in its own process: <c>dotnet patchbay.dll serve</c> on a free loopback port with its own data folder,
/// on a shared PostgreSQL database as an operator runs the nodes of a scale-out, or on its own SQLite file.
/// </summary>
public sealed partial class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _ownsDataFolder;

    private HubProcess(Process process, string dataFolder, bool ownsDataFolder)
    {
        _process = process;
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
    }

    public Uri Address => _listening.Task.Result;

    public string DataFolder { get; }

    /// <summary>What the hub wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The CLI built beside these tests (artifacts/bin/Patchbay.Cli/&lt;configuration&gt;/patchbay.dll).</summary>
    public static string CliPath
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(tests.Parent!.Parent!.FullName, "Patchbay.Cli", tests.Name, "patchbay.dll");
        }
    }

    /// <summary>Starts a hub and returns once it answers HTTP.</summary>
    /// <param name="postgres">The shared database; null for SQLite in the hub's data folder.</param>
    /// <param name="adminKey">The admin key to create on a new database.</param>
    /// <param name="serveArguments">More <c>serve</c> options (e.g. <c>--job-workers 2</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="dataFolder">The data folder, e.g. one a killed hub left (kept when this hub is disposed); null for a new temporary one.</param>
    public static async Task<HubProcess> StartAsync(string? postgres, string adminKey, IReadOnlyList<string> serveArguments, CancellationToken cancellationToken, string? dataFolder = null)
    {
        var hub = Launch(postgres, adminKey, serveArguments, dataFolder);
        hub.Read(hub._process.StandardOutput);
        hub.Read(hub._process.StandardError);
        var ready = await Task.WhenAny(hub._listening.Task, hub._process.WaitForExitAsync(cancellationToken), Task.Delay(TimeSpan.FromSeconds(90), cancellationToken));
        ready.ShouldBe(hub._listening.Task, $"The hub did not start:\n{hub.Output}");

        using var http = hub.Client(adminKey);
        using var answer = await http.GetAsync(new Uri("/api/v1/no-such-endpoint", UriKind.Relative), cancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.NotFound, hub.Output); // authenticated, and answering
        return hub;
    }

    /// <summary>Starts a hub that is expected to refuse to start, and returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> StartToFailAsync(string dataFolder, CancellationToken cancellationToken)
    {
        await using var hub = Launch(null, ApiKeys.Generate().Key, [], dataFolder);
        var output = hub._process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = hub._process.StandardError.ReadToEndAsync(cancellationToken);
        var exited = hub._process.WaitForExitAsync(cancellationToken);
        (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90), cancellationToken))).ShouldBe(exited, "the hub started (or hung) instead of refusing to start");
        return (hub._process.ExitCode, await output + await error);
    }

    /// <summary>Kills the hub process alone with SIGKILL, as a crash or an OOM killer would: no shutdown code runs. Its Node workers end when their socket closes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(90) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // with its Node workers
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!_ownsDataFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A worker that is still exiting may hold a file; the temporary folder is cleaned by the OS.
        }
    }

    private static HubProcess Launch(string? postgres, string adminKey, IReadOnlyList<string> serveArguments, string? dataFolder)
    {
        File.Exists(CliPath).ShouldBeTrue($"The CLI was not built at {CliPath}.");
        var data = dataFolder ?? Directory.CreateTempSubdirectory("patchbay-hub-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] storage = postgres is null ? [] : ["--postgres", postgres];
        foreach (var argument in new[] { CliPath, "serve", "--urls", "http://127.0.0.1:0", "--data", data, "--rate-limit", "0" }.Concat(storage).Concat(serveArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATCHBAY_ADMIN_KEY"] = adminKey;
        return new HubProcess(Process.Start(start)!, data, ownsDataFolder: dataFolder is null);
    }

    [GeneratedRegex(@"listening on (?<url>http://[^ ,]+)")]
    private static partial Regex Listening();

    private void Read(StreamReader reader) => _ = Task.Run(async () =>
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (Listening().Match(line) is { Success: true } match)
            {
                _listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }
    });
}
