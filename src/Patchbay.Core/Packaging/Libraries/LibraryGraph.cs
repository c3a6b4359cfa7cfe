using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>
/// Which package needs which in a node_modules tree: each dependency a package.json declares, resolved to a package
/// folder the way Node resolves it (the package's own node_modules first, then each ancestor's, then the root).
/// </summary>
internal sealed class LibraryGraph
{
    private readonly Dictionary<string, LibraryPackage> _packages;
    private readonly Dictionary<string, List<string>> _dependencies;
    private readonly Dictionary<string, List<string>> _dependents;

    private LibraryGraph(
        Dictionary<string, LibraryPackage> packages, Dictionary<string, List<string>> dependencies, Dictionary<string, List<string>> dependents)
    {
        _packages = packages;
        _dependencies = dependencies;
        _dependents = dependents;
    }

    /// <summary>The packages by folder, ordered by folder.</summary>
    public IEnumerable<LibraryPackage> Packages => _packages.Values.OrderBy(p => p.Folder, StringComparer.Ordinal);

    public static LibraryGraph Of(FileSet files, string prefix)
    {
        var read = LibraryCatalog.Read(files, prefix);
        var packages = read.ToDictionary(p => p.Package.Folder, p => p.Package, StringComparer.Ordinal);
        var dependencies = packages.Keys.ToDictionary(f => f, _ => new List<string>(), StringComparer.Ordinal);
        var dependents = packages.Keys.ToDictionary(f => f, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (package, manifest) in read)
        {
            var declared = manifest is null ? [] : manifest.Dependencies.Keys.Concat(manifest.OptionalDependencies.Keys).Distinct(StringComparer.Ordinal);
            foreach (var dependency in declared)
            {
                if (PackageFolders.ResolutionCandidates(package.Folder, dependency).FirstOrDefault(packages.ContainsKey) is { } resolved
                    && resolved != package.Folder)
                {
                    dependencies[package.Folder].Add(resolved);
                    dependents[resolved].Add(package.Folder);
                }
            }
        }

        return new LibraryGraph(packages, dependencies, dependents);
    }

    public bool Contains(string folder) => _packages.ContainsKey(folder);

    public LibraryPackage this[string folder] => _packages[folder];

    /// <summary>The folders of the packages that need the package in <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> DependentsOf(string folder) => _dependents[folder];

    /// <summary>The package's folder and the folders nested in it (<c>request</c>, <c>request/node_modules/qs</c>).</summary>
    public IEnumerable<string> Subtree(string folder) =>
        _packages.Keys.Where(f => f == folder || f.StartsWith(folder + "/", StringComparison.Ordinal));

    /// <summary>
    /// The given folders and every package they need, directly or not; a package comes with its nested folders,
    /// which only its own code resolves to. Folders in <paramref name="except"/> are neither reached nor passed through.
    /// </summary>
    public HashSet<string> Closure(IEnumerable<string> start, IReadOnlySet<string>? except = null)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(start);
        while (pending.TryPop(out var folder))
        {
            if (except?.Contains(folder) == true || !reached.Add(folder))
            {
                continue;
            }

            foreach (var next in _dependencies[folder].Concat(Subtree(folder)))
            {
                pending.Push(next);
            }
        }

        return reached;
    }
}
