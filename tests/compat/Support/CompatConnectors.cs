using System.IO.Compression;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Compat.Tests.Support;

/// <summary>
/// The suite's connectors, read from <c>connectors/&lt;name&gt;/</c> the way a user's would be: a source folder
/// through <see cref="SourceFolder"/>, an Editor-layout folder zipped into a <c>.bizc</c> and read by <see cref="BizcReader"/>.
/// </summary>
internal static class CompatConnectors
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "connectors", name);

    /// <summary>A connector kept as a Patchbay source folder (<c>connector.json</c>, <c>actions/</c>, <c>libraries/</c>).</summary>
    public static ConnectorPackage Source(string name)
    {
        var result = SourceFolder.Read(Folder(name), PackageLimits.Default);
        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty($"connectors/{name} does not read cleanly");
        return result.Package!;
    }

    /// <summary>A source-folder connector that validation refuses, with what it reported: the runtime is given the package anyway.</summary>
    public static ConnectorReadResult SourceWithErrors(string name) => SourceFolder.Read(Folder(name), PackageLimits.Default);

    /// <summary>
    /// A connector kept in the Connector Editor's layout (bizagi-compat §2.3), zipped now as the Editor zips it:
    /// stored entries, '/' paths and explicit directory entries, in ordinal order.
    /// </summary>
    public static byte[] EditorBizc(string name)
    {
        var root = Folder(name);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            for (var i = path.IndexOf('/', StringComparison.Ordinal); i > 0; i = path.IndexOf('/', i + 1))
            {
                folders.Add(path[..(i + 1)]);
            }
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var folder in folders)
            {
                zip.CreateEntry(folder, CompressionLevel.NoCompression);
            }

            foreach (var path in files)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.NoCompression).Open();
                entry.Write(File.ReadAllBytes(Path.Combine(root, path)));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an Editor-layout connector as a <c>.bizc</c>; the diagnostics are returned with it.</summary>
    public static Task<ConnectorReadResult> ReadEditorBizcAsync(string name) =>
        BizcReader.ReadAsync(new MemoryStream(EditorBizc(name)), name + ".bizc", PackageLimits.Default, TestContext.Current.CancellationToken);

    /// <summary>The same connector pointed at another base URI, as an environment would point an Easy REST connector.</summary>
    public static ConnectorPackage WithBaseUri(this ConnectorPackage package, string baseUri) =>
        package with { Definition = package.Definition with { BaseUri = baseUri } };
}
