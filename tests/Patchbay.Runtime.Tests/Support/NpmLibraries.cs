using System.Diagnostics;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>Real npm packages (request, axios, node-rest-client), installed once per test run, as connector files.</summary>
public sealed class NpmLibraries : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "patchbay-npm-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Every installed file as <c>node_modules/...</c>, ready for a connector package.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Files { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "package.json"), """{"name":"t","private":true}""");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", "--no-bin-links", "request@2.88.2", "axios@1", "node-rest-client@3" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start)!;
        var error = npm.StandardError.ReadToEndAsync();
        await npm.StandardOutput.ReadToEndAsync();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException("npm install failed: " + await error);
        }

        var modules = Path.Combine(_folder, "node_modules");
        Files = Directory.EnumerateFiles(modules, "*", SearchOption.AllDirectories)
            .Select(f => KeyValuePair.Create("node_modules/" + Path.GetRelativePath(modules, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToList();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
