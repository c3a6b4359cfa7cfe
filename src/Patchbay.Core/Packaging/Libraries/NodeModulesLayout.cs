using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>Brings a connector's <c>node_modules/</c> to the flat layout that <c>REQUIRED('name')</c> needs.</summary>
/// <remarks>
/// Bizagi's Connector Editor stores each uploaded library zip under the library's name, so a library called
/// <c>rest</c> holding <c>node-rest-client</c> ends up as <c>node_modules/rest/node-rest-client/</c>, where neither
/// <c>REQUIRED</c> (which looks only at <c>node_modules/&lt;name&gt;</c>) nor Node's resolution finds it
/// (bizagi-compat §7). Such a library folder is recognised by having no package.json while its subfolders have one;
/// scoped folders (<c>@scope/name</c>) are packages, never library folders.
/// </remarks>
public static class NodeModulesLayout
{
    private const string Prefix = ConnectorPaths.NodeModules;

    /// <summary>
    /// Moves every package of a library folder up to <c>node_modules/&lt;package&gt;/</c>, without ever overwriting a
    /// package already there (the existing one is kept, with a warning), and removes <c>node_modules/bz-util/</c> and
    /// any bz-util inside a library folder, because Patchbay provides its own bz-util. Files outside node_modules are untouched.
    /// </summary>
    public static NodeModulesNormalization Normalize(FileSet files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new DiagnosticList();
        var byTopFolder = files.Under(Prefix)
            .Where(f => f.Key.Contains('/', StringComparison.Ordinal))
            .GroupBy(f => f.Key[..f.Key.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var libraryFolders = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (top, entries) in byTopFolder)
        {
            var inner = InnerPackages(top, entries);
            if (inner.Count > 0)
            {
                libraryFolders[top] = inner;
            }
            else if (top.StartsWith('@'))
            {
                claimed.UnionWith(entries.Select(e => PackageFolders.TopLevelFolder(e.Key)).OfType<string>());
            }
            else
            {
                claimed.Add(top);
            }
        }

        var result = files.Where(f => !IsUnder(f.Key, ConnectorPaths.BzUtil) && !libraryFolders.Keys.Any(l => IsUnder(f.Key, l)))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (library, packages) in libraryFolders)
        {
            var moved = new List<string>();
            foreach (var package in packages)
            {
                var from = $"{Prefix}{library}/{package}/";
                if (package == ConnectorPaths.BzUtil)
                {
                    continue;
                }

                if (!claimed.Add(package))
                {
                    diagnostics.Warning(
                        LibraryDiagnosticCodes.PackageConflict,
                        new Location(from),
                        $"'{from}' was not moved to '{Prefix}{package}/' because that package is already there; the existing one is kept.");
                    AddUnder(result, files, from, from);
                    continue;
                }

                AddUnder(result, files, from, $"{Prefix}{package}/");
                moved.Add(package);
            }

            AddLeftovers(result, files, library, packages);
            if (moved.Count > 0)
            {
                diagnostics.Warning(
                    LibraryDiagnosticCodes.FolderFlattened,
                    new Location($"{Prefix}{library}/"),
                    $"'{Prefix}{library}/' is a library folder as Bizagi's Connector Editor stores it; its packages ({string.Join(", ", moved)}) "
                    + $"were moved to {Prefix}<package>/ so that REQUIRED() and require() find them.");
            }
        }

        return new NodeModulesNormalization(FileSet.From(result), diagnostics);
    }

    /// <summary>The packages in a top-level folder that has no package.json of its own; empty when it is a package.</summary>
    private static SortedSet<string> InnerPackages(string top, List<KeyValuePair<string, byte[]>> entries)
    {
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        if (top.StartsWith('@') || top.StartsWith('.') || entries.Any(e => e.Key == $"{top}/{PackageFolders.PackageJson}"))
        {
            return packages;
        }

        foreach (var (path, _) in entries)
        {
            var inner = path[(top.Length + 1)..];
            if (LibraryCatalog.FolderOfManifest(inner) is { } folder
                && PackageFolders.TryGetPackageName(folder, out var name)
                && folder == name)
            {
                packages.Add(name);
            }
        }

        return packages;
    }

    /// <summary>Keeps the files of a library folder that belong to none of its packages where they are.</summary>
    private static void AddLeftovers(Dictionary<string, byte[]> result, FileSet files, string library, SortedSet<string> packages)
    {
        var folder = $"{Prefix}{library}/";
        foreach (var (path, content) in files.Under(folder))
        {
            if (!packages.Any(p => path.StartsWith($"{p}/", StringComparison.Ordinal)))
            {
                result[folder + path] = content;
            }
        }
    }

    private static void AddUnder(Dictionary<string, byte[]> result, FileSet files, string from, string to)
    {
        foreach (var (path, content) in files.Under(from))
        {
            result[to + path] = content;
        }
    }

    private static bool IsUnder(string path, string topFolder) =>
        path.StartsWith($"{Prefix}{topFolder}/", StringComparison.Ordinal);
}
