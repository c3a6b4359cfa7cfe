using System.Diagnostics;

namespace Patchbay.Runtime.Node;

/// <summary>Finds the <c>node</c> executable and checks that it is Node.js 20 or newer.</summary>
public static class NodeLocator
{
    public const int MinimumMajorVersion = 20;

    /// <summary>The full path of a usable node, or a <see cref="NodeUnavailableException"/> that says what to do.</summary>
    public static async Task<string> LocateAsync(string nodePath, CancellationToken cancellationToken)
    {
        var executable = Resolve(nodePath)
            ?? throw new NodeUnavailableException($"Node.js was not found ('{nodePath}'). Install Node.js {MinimumMajorVersion} or newer, or set the node path.");

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--version");
        using var process = Process.Start(start) ?? throw new NodeUnavailableException($"'{executable}' could not be started.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);

        var version = output.Trim().TrimStart('v');
        if (!Version.TryParse(version, out var parsed) || parsed.Major < MinimumMajorVersion)
        {
            throw new NodeUnavailableException($"'{executable}' is Node.js {output.Trim()}; Patchbay needs {MinimumMajorVersion} or newer.");
        }

        return executable;
    }

    private static string? Resolve(string nodePath)
    {
        if (nodePath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(nodePath) ? Path.GetFullPath(nodePath) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, nodePath))
            .FirstOrDefault(File.Exists);
    }
}
