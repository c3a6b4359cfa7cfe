using System.Text.Json;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Cli.Libraries;

/// <summary>Adds the packages of a library zip to a connector source folder's <c>libraries/</c> (<c>patchbay lib add</c>).</summary>
/// <remarks>
/// The zip is inspected first; a rejected zip changes nothing. The packages are then written to a staging folder inside
/// the connector folder (same volume, so moves are renames) and swapped in one package folder at a time; if a move
/// fails, the moves already made are undone, so the folder is left as it was.
/// </remarks>
internal static class LibraryInstaller
{
    /// <summary>The connector source folder's library folder; it becomes <c>node_modules/</c> in the <c>.bizc</c>.</summary>
    public const string LibrariesFolder = "libraries";

    public static async Task<LibraryAddResult> AddAsync(
        Stream zip, string zipDisplayName, string connectorFolder, PackageLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrEmpty(connectorFolder);
        if (!Directory.Exists(connectorFolder))
        {
            throw new DirectoryNotFoundException($"The connector folder '{connectorFolder}' does not exist.");
        }

        var inspection = await LibraryZipInspector.InspectAsync(zip, zipDisplayName, limits, cancellationToken);
        if (!inspection.IsValid)
        {
            return new LibraryAddResult([], [], inspection.Diagnostics);
        }

        var libraries = Path.GetFullPath(Path.Combine(connectorFolder, LibrariesFolder));
        var staging = Path.Combine(Path.GetFullPath(connectorFolder), $".patchbay-lib-{Guid.NewGuid():N}");
        var topLevel = inspection.Packages.Where(p => p.IsTopLevel).ToList();
        try
        {
            await WriteFilesAsync(inspection.Files, Path.Combine(staging, "new"), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var replaced = topLevel
                .Select(p => (Package: p, Existing: Path.Combine(libraries, p.Name)))
                .Where(p => Directory.Exists(p.Existing))
                .Select(p => new LibraryReplacement(p.Package.Name, ReadVersion(p.Existing), p.Package.Version))
                .ToList();
            Swap(topLevel, libraries, staging);
            return new LibraryAddResult(topLevel, replaced, inspection.Diagnostics);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task WriteFilesAsync(FileSet files, string root, CancellationToken cancellationToken)
    {
        var prefix = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        foreach (var (path, content) in files)
        {
            // The inspector already rejected '..' and absolute names; this keeps a bug there from writing elsewhere.
            var target = Path.GetFullPath(Path.Combine(root, path));
            if (!target.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"'{path}' would be written outside the staging folder.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content, cancellationToken);
        }
    }

    /// <summary>Moves each package from staging into <paramref name="libraries"/>, setting aside what it replaces; undoes everything on failure.</summary>
    private static void Swap(IReadOnlyList<LibraryPackage> packages, string libraries, string staging)
    {
        var createdLibraries = !Directory.Exists(libraries);
        var undo = new Stack<(string From, string To)>();
        try
        {
            Directory.CreateDirectory(libraries);
            foreach (var package in packages)
            {
                var target = Path.Combine(libraries, package.Name);
                if (Directory.Exists(target))
                {
                    Move(target, Path.Combine(staging, "old", package.Name), undo);
                }

                Move(Path.Combine(staging, "new", package.Name), target, undo);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            while (undo.TryPop(out var move))
            {
                Directory.Move(move.To, move.From);
            }

            if (createdLibraries && Directory.Exists(libraries) && !Directory.EnumerateFileSystemEntries(libraries).Any())
            {
                Directory.Delete(libraries);
            }

            throw;
        }
    }

    private static void Move(string from, string to, Stack<(string From, string To)> undo)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        Directory.Move(from, to);
        undo.Push((from, to));
    }

    private static string? ReadVersion(string packageFolder)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(packageFolder, "package.json")));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version)
                && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
