using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>What removing a library takes away (<see cref="ConnectorLibraries.PlanRemoval"/>), to show before it is done.</summary>
/// <param name="Removed">The package asked for, its nested packages, and the packages only it needed; ordered by folder.</param>
/// <param name="BrokenDependents">Packages that stay but need one of the removed ones, so will fail to load until it is added again.</param>
public sealed record LibraryRemoval(IReadOnlyList<LibraryPackage> Removed, IReadOnlyList<LibraryPackage> BrokenDependents)
{
    /// <summary>The connector's files without the removed packages' folders.</summary>
    public FileSet ApplyTo(FileSet files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var folders = Removed.Select(p => $"{ConnectorPaths.NodeModules}{p.Folder}/").ToList();
        return files.Without(path => folders.Any(f => path.StartsWith(f, StringComparison.Ordinal)));
    }
}
