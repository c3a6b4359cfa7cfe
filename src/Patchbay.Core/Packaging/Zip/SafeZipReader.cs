using System.IO.Compression;
using Patchbay.Core.Diagnostics;

namespace Patchbay.Core.Packaging.Zip;

/// <summary>
/// Reads every file of an uploaded zip into memory, refusing what could escape or exhaust the host:
/// absolute paths, <c>.</c>/<c>..</c> segments, backslashes, symbolic links, and more files or bytes
/// than the limits allow. Used for <c>.bizc</c> packages and library zips alike.
/// </summary>
/// <remarks>
/// Every unsafe entry is reported in one pass; exceeding a limit stops reading. Sizes are counted while
/// decompressing, never taken from the entry headers, which a zip bomb forges.
/// </remarks>
public static class SafeZipReader
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;
    private const int ChunkSize = 81920;

    /// <summary>The files by entry name (directory entries left out), or null when the zip cannot be used at all.</summary>
    /// <param name="zip">The zip; read from its current position and left open.</param>
    /// <param name="zipName">The name diagnostics use for the zip (its file name, usually).</param>
    /// <param name="limits">The bounds on files and bytes.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<Dictionary<string, byte[]>?> ReadAllAsync(
        Stream zip, string zipName, PackageLimits limits, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrEmpty(zipName);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            var archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken)
                .ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                return await ReadEntriesAsync(archive, zipName, limits, diagnostics, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error(ZipDiagnosticCodes.InvalidZip, new Location(zipName), $"This is not a readable zip file: {e.Message}");
            return null;
        }
    }

    /// <summary>Why an entry name could land outside the extraction folder, or null when it is safe.</summary>
    public static string? UnsafePathReason(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
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
        ZipArchive archive, string zipName, PackageLimits limits, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        // Counting first costs nothing (the central directory is already read) and stops a million-entry zip before any inflating.
        var fileEntries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (fileEntries.Count > limits.MaxFileCount)
        {
            diagnostics.Error(
                ZipDiagnosticCodes.TooManyFiles,
                new Location(zipName, fileEntries[limits.MaxFileCount].FullName),
                $"The zip holds {fileEntries.Count:N0} files; the limit is {limits.MaxFileCount:N0}.");
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
                diagnostics.Error(ZipDiagnosticCodes.UnsafePath, at, reason);
                continue;
            }

            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
            {
                diagnostics.Error(ZipDiagnosticCodes.Symlink, at, "Symbolic links are not allowed. Zip the files themselves (do not store links).");
                continue;
            }

            if (name.EndsWith('/'))
            {
                continue;
            }

            var remaining = limits.MaxTotalBytes - total;
            var cap = Math.Min(limits.MaxEntryBytes, remaining);
            var (content, read) = await ReadBoundedAsync(entry, at, cap, diagnostics, cancellationToken).ConfigureAwait(false);
            total += read;
            if (content is null && read > cap)
            {
                if (limits.MaxEntryBytes < remaining)
                {
                    diagnostics.Error(ZipDiagnosticCodes.EntryTooLarge, at, $"The entry decompresses to more than {limits.MaxEntryBytes:N0} bytes, the limit for one file.");
                    continue;
                }

                diagnostics.Error(ZipDiagnosticCodes.TooLarge, at, $"The zip decompresses to more than {limits.MaxTotalBytes:N0} bytes in all, the limit.");
                return null;
            }

            if (content is not null && !files.TryAdd(name, content))
            {
                diagnostics.Error(ZipDiagnosticCodes.DuplicateEntry, at, "The zip holds this path twice. Re-create the zip.");
            }
        }

        return files;
    }

    /// <summary>Reads at most <paramref name="cap"/> + 1 bytes; the content is null when there were more than <paramref name="cap"/>.</summary>
    private static async Task<(byte[]? Content, long Read)> ReadBoundedAsync(
        ZipArchiveEntry entry, Location at, long cap, DiagnosticList diagnostics, CancellationToken cancellationToken)
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
            diagnostics.Error(ZipDiagnosticCodes.UnreadableEntry, at, $"The entry cannot be decompressed: {e.Message}");
            return (null, 0);
        }
    }
}
