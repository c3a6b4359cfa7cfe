using System.IO.Compression;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>Writes a flattened library zip from a folder laid out like node_modules (what npm produced).</summary>
/// <remarks>
/// The output is deterministic for a given folder on a given platform: entries are sorted ordinally, every timestamp
/// is 1980-01-01 (the earliest a zip can store), and every file gets mode 0644, so packing the same tree twice gives the
/// same bytes. <c>.bin/</c> folders and <c>.package-lock.json</c> are left out, and symbolic links are never followed
/// (they are skipped and reported), so nothing outside the folder can end up in the zip.
/// </remarks>
public static class LibraryZipWriter
{
    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // S_IFREG | 0644 in the high 16 bits, as Info-ZIP writes it.
    private const int RegularFileAttributes = 0x81A4 << 16;

    /// <param name="nodeModulesFolder">The folder whose contents become the zip root (a node_modules folder).</param>
    /// <param name="output">Where the zip is written; left open.</param>
    /// <param name="cancellationToken">Stops writing; the output is then incomplete.</param>
    public static async Task<LibraryZipWriteResult> WriteAsync(string nodeModulesFolder, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeModulesFolder);
        ArgumentNullException.ThrowIfNull(output);
        var root = new DirectoryInfo(nodeModulesFolder);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"The folder '{nodeModulesFolder}' does not exist.");
        }

        var files = new List<(string Name, string FullPath)>();
        var skippedLinks = new List<string>();
        Collect(root, string.Empty, files, skippedLinks);
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken)
            .ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var (name, fullPath) in files)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTimestamp;
                entry.ExternalAttributes = RegularFileAttributes;
                var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (target.ConfigureAwait(false))
                {
                    var source = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
                    await using (source.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        skippedLinks.Sort(StringComparer.Ordinal);
        return new LibraryZipWriteResult(files.Count, skippedLinks);
    }

    private static void Collect(DirectoryInfo folder, string relative, List<(string Name, string FullPath)> files, List<string> skippedLinks)
    {
        foreach (var info in folder.EnumerateFileSystemInfos())
        {
            var name = relative + info.Name;
            if (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                skippedLinks.Add(name);
            }
            else if (info is DirectoryInfo directory)
            {
                if (directory.Name != PackageFolders.BinFolder)
                {
                    Collect(directory, name + "/", files, skippedLinks);
                }
            }
            else if (!PackageFolders.IsNpmBookkeeping(name))
            {
                files.Add((name, info.FullName));
            }
        }
    }
}
