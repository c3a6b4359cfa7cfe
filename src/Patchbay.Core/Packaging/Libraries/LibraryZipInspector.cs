using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Zip;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>
/// Checks a library zip: flattened (one folder per npm package at the root, <c>@scope/name/</c> for scoped ones),
/// complete (every dependency resolves the way Node resolves it) and safe to extract.
/// </summary>
/// <remarks>
/// Every problem is collected in one pass, except that exceeding a limit stops reading. Sizes are counted while
/// decompressing, never taken from the entry headers, which a zip bomb forges. <c>.bin/</c> folders and
/// <c>.package-lock.json</c> are npm's own bookkeeping and are dropped without a word.
/// </remarks>
public static class LibraryZipInspector
{
    /// <param name="zip">The zip; read from its current position and left open.</param>
    /// <param name="zipDisplayName">The name diagnostics use for the zip (its file name, usually).</param>
    /// <param name="limits">The bounds on files and bytes.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<LibraryInspection> InspectAsync(
        Stream zip, string zipDisplayName, PackageLimits limits, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var entries = await SafeZipReader.ReadAllAsync(zip, zipDisplayName, limits, diagnostics, cancellationToken).ConfigureAwait(false);
        if (entries is null)
        {
            return LibraryInspection.Rejected(diagnostics);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, content) in entries)
        {
            if (PackageFolders.IsNpmBookkeeping(name))
            {
                continue;
            }

            if (!name.Contains('/', StringComparison.Ordinal))
            {
                diagnostics.Error(LibraryDiagnosticCodes.RootFile, new Location(zipDisplayName, name), RootFileMessage(name));
                continue;
            }

            files[name] = content;
        }

        var packages = LibraryLayoutCheck.Check(files, zipDisplayName, diagnostics);
        return diagnostics.HasErrors
            ? LibraryInspection.Rejected(diagnostics)
            : new LibraryInspection(FileSet.From(files), packages, diagnostics);
    }

    private static string RootFileMessage(string name) =>
        name == PackageFolders.PackageJson
            ? "A package.json at the zip root means a package was zipped without its folder: the package needs its own folder. "
                + "Zip the package's folder (mypackage/package.json), or build the zip with 'patchbay lib pack'."
            : $"'{name}' is a file at the zip root, where only package folders may be. Move it into its package's folder.";
}
