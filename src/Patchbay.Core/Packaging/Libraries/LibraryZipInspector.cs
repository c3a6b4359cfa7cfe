using System.IO.Compression;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

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
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;
    private const int ChunkSize = 81920;

    /// <param name="zip">The zip; read from its current position and left open.</param>
    /// <param name="zipDisplayName">The name diagnostics use for the zip (its file name, usually).</param>
    /// <param name="limits">The bounds on files and bytes.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<LibraryInspection> InspectAsync(
        Stream zip, string zipDisplayName, LibraryLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrEmpty(zipDisplayName);
        ArgumentNullException.ThrowIfNull(limits);

        var diagnostics = new DiagnosticList();
        Dictionary<string, byte[]>? files;
        try
        {
            var archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken)
                .ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                files = await ReadEntriesAsync(archive, zipDisplayName, limits, diagnostics, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error(LibraryDiagnosticCodes.InvalidZip, new Location(zipDisplayName), $"This is not a readable zip file: {e.Message}");
            return LibraryInspection.Rejected(diagnostics);
        }

        if (files is null)
        {
            return LibraryInspection.Rejected(diagnostics);
        }

        var packages = LibraryLayoutCheck.Check(files, zipDisplayName, diagnostics);
        return diagnostics.HasErrors
            ? LibraryInspection.Rejected(diagnostics)
            : new LibraryInspection(FileSet.From(files), packages, diagnostics);
    }

    /// <summary>Why an entry name could land outside the extraction folder, or null when it is safe.</summary>
    internal static string? UnsafePathReason(string name)
    {
        if (name.Length == 0)
        {
            return "The entry has an empty name.";
        }

        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length >= 2 && name[1] == ':'))
        {
            return "Absolute paths are not allowed: every entry must be relative to the zip root. Re-create the zip from inside the folder.";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "'\\' in an entry name is read as a folder separator on Windows and can reach outside the target folder. "
                + "Re-create the zip with a tool that writes '/' separators.";
        }

        if (name.Split('/').Any(segment => segment is ".." or "."))
        {
            return "'.' and '..' segments could write outside the target folder. Re-create the zip without them.";
        }

        if (name.TrimEnd('/').Split('/').Any(segment => segment.Length == 0))
        {
            return "Empty path segments ('//') are not allowed. Re-create the zip.";
        }

        return name.Any(char.IsControl) ? "Control characters are not allowed in entry names." : null;
    }

    private static async Task<Dictionary<string, byte[]>?> ReadEntriesAsync(
        ZipArchive archive, string zipName, LibraryLimits limits, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        // Counting first costs nothing (the central directory is already read) and stops a million-entry zip before any inflating.
        var fileEntries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (fileEntries.Count > limits.MaxFileCount)
        {
            diagnostics.Error(
                LibraryDiagnosticCodes.TooManyFiles,
                new Location(zipName, fileEntries[limits.MaxFileCount].FullName),
                $"The zip holds {fileEntries.Count:N0} files; the limit is {limits.MaxFileCount:N0}. Split the library into smaller zips.");
            return null;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            var at = new Location(zipName, name);
            if (UnsafePathReason(name) is { } reason)
            {
                diagnostics.Error(LibraryDiagnosticCodes.UnsafePath, at, reason);
                continue;
            }

            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
            {
                diagnostics.Error(LibraryDiagnosticCodes.Symlink, at, "Symbolic links are not allowed. Zip the files themselves (do not store links).");
                continue;
            }

            if (name.EndsWith('/') || PackageFolders.IsNpmBookkeeping(name))
            {
                continue;
            }

            if (!name.Contains('/', StringComparison.Ordinal))
            {
                diagnostics.Error(LibraryDiagnosticCodes.RootFile, at, RootFileMessage(name));
                continue;
            }

            var remaining = limits.MaxTotalBytes - total;
            var cap = Math.Min(limits.MaxEntryBytes, remaining);
            var (content, read) = await ReadBoundedAsync(entry, name, zipName, cap, diagnostics, cancellationToken).ConfigureAwait(false);
            total += read;
            if (content is null && read > cap)
            {
                if (limits.MaxEntryBytes < remaining)
                {
                    diagnostics.Error(
                        LibraryDiagnosticCodes.EntryTooLarge,
                        at,
                        $"The entry decompresses to more than {limits.MaxEntryBytes:N0} bytes, the limit for one file. Leave it out of the library.");
                    continue;
                }

                diagnostics.Error(
                    LibraryDiagnosticCodes.TooLarge,
                    at,
                    $"The zip decompresses to more than {limits.MaxTotalBytes:N0} bytes in all, the limit. Split the library into smaller zips.");
                return null;
            }

            if (content is not null && !files.TryAdd(name, content))
            {
                diagnostics.Error(LibraryDiagnosticCodes.DuplicateEntry, at, "The zip holds this path twice. Re-create the zip.");
            }
        }

        return files;
    }

    /// <summary>Reads at most <paramref name="cap"/> + 1 bytes; the content is null when there were more than <paramref name="cap"/>.</summary>
    private static async Task<(byte[]? Content, long Read)> ReadBoundedAsync(
        ZipArchiveEntry entry, string name, string zipName, long cap, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var input = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (input.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[ChunkSize];
                int read;
                while ((read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > cap)
                    {
                        return (null, buffer.Length);
                    }
                }

                return (buffer.ToArray(), buffer.Length);
            }
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error(LibraryDiagnosticCodes.UnreadableEntry, new Location(zipName, name), $"The entry cannot be decompressed: {e.Message}");
            return (null, 0);
        }
    }

    private static string RootFileMessage(string name) =>
        name == PackageFolders.PackageJson
            ? "A package.json at the zip root means a package was zipped without its folder: the package needs its own folder. "
                + "Zip the package's folder (mypackage/package.json), or build the zip with 'patchbay lib pack'."
            : $"'{name}' is a file at the zip root, where only package folders may be. Move it into its package's folder.";
}
