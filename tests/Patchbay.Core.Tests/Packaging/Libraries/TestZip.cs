using System.IO.Compression;
using System.Text;

namespace Patchbay.Core.Tests.Packaging.Libraries;

/// <summary>Builds small zips in memory, including entries no well-behaved tool would write.</summary>
internal sealed class TestZip
{
    private readonly List<(string Name, byte[] Content, int? UnixMode)> _entries = [];

    public TestZip File(string name, string content = "x") => Add(name, Encoding.UTF8.GetBytes(content), null);

    public TestZip File(string name, byte[] content) => Add(name, content, null);

    public TestZip Package(string folder, string version = "1.0.0", string dependencies = "{}", string optional = "{}") =>
        File($"{folder}/package.json", $$"""{"name":"{{folder.Split("/node_modules/")[^1]}}","version":"{{version}}","dependencies":{{dependencies}},"optionalDependencies":{{optional}}}""")
            .File($"{folder}/index.js", "module.exports = {};");

    public TestZip Directory(string name) => Add(name.EndsWith('/') ? name : name + "/", [], null);

    /// <summary>A Unix symbolic link (S_IFLNK | 0777), stored the way Info-ZIP stores one: the target is the content.</summary>
    public TestZip Symlink(string name, string target) => Add(name, Encoding.UTF8.GetBytes(target), 0xA1FF);

    public MemoryStream ToStream()
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in _entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                if (mode is { } unixMode)
                {
                    entry.ExternalAttributes = unixMode << 16;
                }

                using var output = entry.Open();
                output.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    private TestZip Add(string name, byte[] content, int? unixMode)
    {
        _entries.Add((name, content, unixMode));
        return this;
    }
}
