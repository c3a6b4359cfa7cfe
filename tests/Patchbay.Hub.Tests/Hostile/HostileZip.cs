using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Patchbay.Core.Packaging.Source;
using static Patchbay.Hub.Tests.Connectors.ConnectorUploads;

namespace Patchbay.Hub.Tests.Hostile;

/// <summary>
/// A packed source folder of a valid connector with entries no honest tool writes added: paths that climb out,
/// links, bombs. Written with <see cref="ZipArchive"/> directly, which stores whatever name it is given.
/// </summary>
internal sealed class HostileZip
{
    private const uint CentralHeaderSignature = 0x02014b50;
    private const int UnixSymlinkMode = 0xA1FF;
    private readonly Dictionary<string, byte[]> _files;
    private readonly List<(string Name, Func<Stream, Task> Write, int? UnixMode, CompressionLevel Level)> _extra = [];

    public HostileZip(string name)
    {
        Name = name;
        _files = SourceFolder.ToFiles(Package(name)).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>The connector's name: nothing of that name may be installed after a refusal.</summary>
    public string Name { get; }

    public HostileZip File(string entry, string content) => Add(entry, s => s.WriteAsync(Encoding.UTF8.GetBytes(content)).AsTask());

    /// <summary>An entry of zeros: a megabyte of them compresses to about a kilobyte.</summary>
    public HostileZip Zeros(string entry, long bytes) => Add(entry, async s =>
    {
        var chunk = new byte[1024 * 1024];
        for (var left = bytes; left > 0; left -= chunk.Length)
        {
            await s.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        }
    });

    /// <summary>A Unix symbolic link as Info-ZIP stores one: S_IFLNK in the external attributes, the target as content.</summary>
    public HostileZip Symlink(string entry, string target)
    {
        _extra.Add((entry, s => s.WriteAsync(Encoding.UTF8.GetBytes(target)).AsTask(), UnixSymlinkMode, CompressionLevel.Fastest));
        return this;
    }

    /// <summary>Replaces the connector's own definition (connector.json).</summary>
    public HostileZip Definition(Func<Stream, Task> write)
    {
        _files.Remove(SourceFolderLayout.Definition);
        return Add(SourceFolderLayout.Definition, write);
    }

    public async Task<byte[]> ToBytesAsync()
    {
        using var buffer = new MemoryStream();
        await using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in _files)
            {
                await using var entry = await archive.CreateEntry(name).OpenAsync();
                await entry.WriteAsync(content);
            }

            foreach (var (name, write, mode, level) in _extra)
            {
                var entry = archive.CreateEntry(name, level);
                if (mode is { } unixMode)
                {
                    entry.ExternalAttributes = unixMode << 16;
                }

                await using var stream = await entry.OpenAsync();
                await write(stream);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The zip with the central directory record of <paramref name="entry"/> declaring <paramref name="declared"/>
    /// uncompressed bytes, whatever the entry really holds.
    /// </summary>
    public static byte[] ForgeDeclaredSize(byte[] zip, string entry, uint declared)
    {
        var forged = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entry);
        for (var at = 0; at <= forged.Length - 46; at++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(forged.AsSpan(at)) == CentralHeaderSignature
                && forged.AsSpan(at + 46, BinaryPrimitives.ReadUInt16LittleEndian(forged.AsSpan(at + 28))).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(forged.AsSpan(at + 24), declared);
                return forged;
            }
        }

        throw new ArgumentException($"The zip has no entry {entry}.", nameof(entry));
    }

    private HostileZip Add(string entry, Func<Stream, Task> write)
    {
        _extra.Add((entry, write, null, CompressionLevel.SmallestSize));
        return this;
    }
}
