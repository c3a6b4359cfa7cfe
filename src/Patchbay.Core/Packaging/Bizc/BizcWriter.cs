using System.IO.Compression;
using System.Text.Json;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging.Bizc;

/// <summary>
/// Writes a connector as a <c>.bizc</c> in Bizagi's layout (bizagi-compat §2.3). The output is
/// deterministic: the same package gives the same bytes.
/// </summary>
public static class BizcWriter
{
    // Zip timestamps start in 1980; a fixed one keeps the output reproducible.
    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(ConnectorPackage package, Stream output)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(output);

        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, content) in Files(package))
        {
            var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTimestamp;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }

    public static byte[] ToBytes(ConnectorPackage package)
    {
        using var buffer = new MemoryStream();
        Write(package, buffer);
        return buffer.ToArray();
    }

    /// <summary>The files of the package in write order (derived files first, then the rest sorted): also the layout the runtime installs.</summary>
    public static IEnumerable<KeyValuePair<string, byte[]>> Files(ConnectorPackage package)
    {
        var definition = package.Definition;
        yield return Text(ConnectorPaths.Definition, BizcDefinitionWriter.Write(definition).ToJsonString(Indented) + "\n");
        yield return Text(ConnectorPaths.ActionsIndex, JsLiterals.WriteExportedStrings(
            definition.Actions.Select(a => KeyValuePair.Create(a.Name, a.Description))));
        yield return Text(ConnectorPaths.Errors, JsLiterals.WriteExportedStrings(
            definition.Errors.Select(e => KeyValuePair.Create(e.Code, e.Message))));

        var files = package.Files;
        foreach (var (path, text) in DefaultFiles.For(definition, package.Files))
        {
            files = files.Contains(path) ? files : files.WithText(path, text);
        }

        foreach (var file in files)
        {
            yield return file;
        }
    }

    private static KeyValuePair<string, byte[]> Text(string path, string text) => KeyValuePair.Create(path, FileSet.EncodeText(text));
}
