using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>Lists the npm packages of a library or of a connector's node_modules.</summary>
public static class LibraryCatalog
{
    /// <summary>
    /// The packages whose folders lie under <paramref name="prefix"/> (<c>""</c> for a library zip's files,
    /// <c>node_modules/</c> for a connector, <c>libraries/</c> for a source folder), top-level and nested, ordered by folder.
    /// </summary>
    /// <remarks>A package.json that cannot be parsed still lists its package, without a version.</remarks>
    public static IReadOnlyList<LibraryPackage> List(FileSet files, string prefix)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            throw new ArgumentException("The prefix must be empty or end with '/'.", nameof(prefix));
        }

        return [.. Read(files, prefix).Select(p => p.Package)];
    }

    /// <summary>Every package under <paramref name="prefix"/> with its parsed package.json (null when unreadable), ordered by folder.</summary>
    internal static IReadOnlyList<(LibraryPackage Package, PackageManifest? Manifest)> Read(FileSet files, string prefix)
    {
        var packages = new List<(LibraryPackage, PackageManifest?)>();
        foreach (var (path, content) in files.Under(prefix))
        {
            if (FolderOfManifest(path) is { } folder && PackageFolders.TryGetPackageName(folder, out var name))
            {
                var manifest = PackageManifest.TryParse(content, out _);
                packages.Add((new LibraryPackage(name, manifest?.Version, folder, manifest?.License), manifest));
            }
        }

        return [.. packages.OrderBy(p => p.Item1.Folder, StringComparer.Ordinal)];
    }

    internal static string? FolderOfManifest(string path) =>
        path.EndsWith("/" + PackageFolders.PackageJson, StringComparison.Ordinal)
            ? path[..^(PackageFolders.PackageJson.Length + 1)]
            : null;
}
