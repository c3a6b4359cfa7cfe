using System.IO.Compression;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;
using Patchbay.Core.Packaging.Zip;

namespace Patchbay.Core.Packaging;

/// <summary>
/// A connector sent as one zip (an upload to the hub): either a <c>.bizc</c>, or a packed source folder whose
/// <c>connector.json</c> is at the zip's root or in its only top-level folder. Which one it is, the content says.
/// </summary>
public static class ConnectorZip
{
    /// <summary>Reads the zip safely (see <see cref="SafeZipReader"/>), then the connector in it, and validates it.</summary>
    /// <param name="zip">The zip; read from its current position and left open.</param>
    /// <param name="zipName">The name diagnostics use for the zip.</param>
    /// <param name="limits">The bounds on files and bytes.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<ConnectorReadResult> ReadAsync(Stream zip, string zipName, PackageLimits limits, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var entries = await SafeZipReader.ReadAllAsync(zip, zipName, limits, diagnostics, cancellationToken).ConfigureAwait(false);
        if (entries is null || diagnostics.HasErrors)
        {
            return new ConnectorReadResult(null, diagnostics);
        }

        if (entries.ContainsKey(ConnectorPaths.Definition))
        {
            return BizcReader.Read(entries, diagnostics);
        }

        if (SourceRoot(entries.Keys) is not { } root)
        {
            diagnostics.Error(
                "missing-definition",
                new Location(zipName),
                $"The zip is neither a .bizc (it has no {ConnectorPaths.Definition}) nor a packed source folder ({SourceFolderLayout.Definition} at its root or in its only top-level folder).");
            return new ConnectorReadResult(null, diagnostics);
        }

        var files = entries
            .Where(e => e.Key.StartsWith(root, StringComparison.Ordinal))
            .Select(e => KeyValuePair.Create(e.Key[root.Length..], e.Value))
            .Where(e => !SourceFolderLayout.IsIgnored(e.Key))
            .ToDictionary(StringComparer.Ordinal);
        var read = SourceFolder.Read(files);
        diagnostics.AddRange(read.Diagnostics);
        return new ConnectorReadResult(read.Package, diagnostics);
    }

    /// <summary>A source folder's files (from <see cref="SourceFolder.ReadFiles"/>) packed as a zip that <see cref="ReadAsync"/> reads.</summary>
    public static byte[] PackSourceFolder(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>"" when connector.json is at the root, "folder/" when all files are in one folder holding it, else null.</summary>
    private static string? SourceRoot(IReadOnlyCollection<string> paths)
    {
        if (paths.Contains(SourceFolderLayout.Definition))
        {
            return "";
        }

        var tops = paths.Select(p => p.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
        return tops.Count == 1 && paths.Contains(tops[0] + "/" + SourceFolderLayout.Definition) ? tops[0] + "/" : null;
    }
}
