using System.IO.Compression;
using Patchbay.Core.Diagnostics;

namespace Patchbay.Core.Packaging.Zip;

/// <summary>
/// Reads every file of an uploaded zip into memory, refusing what could escape or exhaust the host:
/// absolute paths, <c>..</c> segments, symbolic links, and more files or bytes than the limits allow.
/// </summary>
/// <remarks>
/// Sizes are counted while decompressing, never taken from the entry headers, which a zip bomb forges.
/// </remarks>
public static class SafeZipReader
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;

    /// <summary>The files by normalised '/' path, or null when the zip itself cannot be read.</summary>
    public static Dictionary<string, byte[]>? ReadAll(Stream zip, string zipName, PackageLimits limits, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            return ReadEntries(archive, zipName, limits, diagnostics);
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error("invalid-zip", new Location(zipName), $"Not a readable zip file: {e.Message}");
            return null;
        }
    }

    private static Dictionary<string, byte[]> ReadEntries(ZipArchive archive, string zipName, PackageLimits limits, DiagnosticList diagnostics)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var at = new Location(zipName, entry.FullName);
            if (UnsafePathReason(entry.FullName) is { } reason)
            {
                diagnostics.Error("unsafe-zip-entry", at, reason);
                continue;
            }

            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
            {
                diagnostics.Error("zip-symlink", at, "Symbolic links are not allowed; put the file itself in the zip.");
                continue;
            }

            var path = entry.FullName.Replace('\\', '/');
            if (path.EndsWith('/'))
            {
                continue; // a directory entry
            }

            if (files.Count >= limits.MaxFiles)
            {
                diagnostics.Error("too-many-files", at, $"The zip holds more than {limits.MaxFiles:N0} files, the limit.");
                return files;
            }

            var content = ReadBounded(entry, Math.Min(limits.MaxEntryBytes, limits.MaxTotalBytes - total));
            if (content is null)
            {
                var limit = total + limits.MaxEntryBytes > limits.MaxTotalBytes
                    ? $"the zip's total exceeds {limits.MaxTotalBytes:N0} bytes, the limit"
                    : $"it exceeds {limits.MaxEntryBytes:N0} bytes, the limit for one file";
                diagnostics.Error("too-large", at, $"The entry is too large: {limit}.");
                return files;
            }

            total += content.Length;
            if (!files.TryAdd(path, content))
            {
                diagnostics.Error("duplicate-zip-entry", at, "The zip holds this path twice.");
            }
        }

        return files;
    }

    /// <summary>Why a zip entry name could write outside the target folder, or null when it is safe.</summary>
    public static string? UnsafePathReason(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
        {
            return "Absolute paths are not allowed; entries must be relative to the zip root.";
        }

        if (path.Split('/').Any(segment => segment == ".."))
        {
            return "'..' in an entry name could write outside the target folder.";
        }

        return path.Any(char.IsControl) ? "Control characters are not allowed in entry names." : null;
    }

    private static byte[]? ReadBounded(ZipArchiveEntry entry, long maxBytes)
    {
        using var input = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
