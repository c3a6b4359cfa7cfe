using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>
/// The libraries of a connector package: the npm packages under its <c>node_modules/</c>, which only records the
/// packages themselves (not which zip or npm command brought them), so adding and removing work per package.
/// </summary>
public static class ConnectorLibraries
{
    private const string Prefix = ConnectorPaths.NodeModules;

    /// <summary>Every package, top-level and nested, ordered by folder, with the packages that need it.</summary>
    public static IReadOnlyList<ConnectorLibrary> List(FileSet files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var graph = LibraryGraph.Of(files, Prefix);
        return [.. graph.Packages.Select(p => new ConnectorLibrary(p, [.. graph.DependentsOf(p.Folder).Select(d => graph[d].Name).Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// Adds the packages of a checked library zip. A top-level package already there is replaced as a whole (with its
    /// nested node_modules), as <c>patchbay lib add</c> replaces a folder of <c>libraries/</c>; other packages stay.
    /// </summary>
    /// <exception cref="ArgumentException">The inspection rejected the zip.</exception>
    public static LibraryAddition Add(FileSet files, LibraryInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(inspection);
        if (!inspection.IsValid)
        {
            throw new ArgumentException("Only a library zip without errors can be added.", nameof(inspection));
        }

        var added = inspection.Packages.Where(p => p.IsTopLevel).ToList();
        var names = added.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var existing = LibraryCatalog.List(files, Prefix).Where(p => p.IsTopLevel).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var replaced = added.Where(p => existing.ContainsKey(p.Name))
            .Select(p => new LibraryReplacement(p.Name, existing[p.Name].Version, p.Version))
            .ToList();
        var kept = files.Without(path => path.StartsWith(Prefix, StringComparison.Ordinal)
            && PackageFolders.TopLevelFolder(path[Prefix.Length..]) is { } top && names.Contains(top));
        var result = FileSet.From(kept.Concat(inspection.Files.Select(f => KeyValuePair.Create(Prefix + f.Key, f.Value))));
        return new LibraryAddition(result, added, replaced);
    }

    /// <summary>
    /// What removing a top-level package takes away: the package with its nested folders, and every package that only
    /// it needed, directly or not.
    /// </summary>
    /// <remarks>
    /// Which packages a person asked for is not recorded, so a top-level package that nothing needs counts as asked for,
    /// and everything such a package needs stays. A dependency that was also asked for on its own therefore goes with
    /// the last package that needs it; the editor names every package before it removes them.
    /// </remarks>
    /// <param name="files">The connector's files.</param>
    /// <param name="packageName">A top-level package (<c>axios</c>, <c>@scope/name</c>).</param>
    /// <exception cref="ArgumentException">There is no such top-level package.</exception>
    public static LibraryRemoval PlanRemoval(FileSet files, string packageName)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrEmpty(packageName);
        var graph = LibraryGraph.Of(files, Prefix);
        if (!graph.Contains(packageName) || !graph[packageName].IsTopLevel)
        {
            throw new ArgumentException($"The connector has no library '{packageName}'.", nameof(packageName));
        }

        var removed = graph.Subtree(packageName).ToHashSet(StringComparer.Ordinal);
        var roots = graph.Packages.Where(p => p.IsTopLevel && !removed.Contains(p.Folder) && graph.DependentsOf(p.Folder).Count == 0);
        var kept = graph.Closure(roots.Select(p => p.Folder), except: removed);
        removed.UnionWith(graph.Closure(removed).Where(f => !kept.Contains(f)));
        var broken = removed.SelectMany(graph.DependentsOf).Where(d => !removed.Contains(d))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(d => graph[d]);
        return new LibraryRemoval([.. graph.Packages.Where(p => removed.Contains(p.Folder))], [.. broken]);
    }
}
