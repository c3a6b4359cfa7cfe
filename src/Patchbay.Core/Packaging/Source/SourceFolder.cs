using System.Text.Json;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Validation;

namespace Patchbay.Core.Packaging.Source;

/// <summary>Reads and writes a connector as a code-first source folder (see <see cref="SourceFolderLayout"/>).</summary>
public static class SourceFolder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    /// <summary>Reads a source folder from its files (paths relative to the folder, '/'-separated) and validates it.</summary>
    public static ConnectorReadResult Read(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new DiagnosticList();
        if (!files.TryGetValue(SourceFolderLayout.Definition, out var definitionBytes))
        {
            diagnostics.Error("missing-definition", new Location(SourceFolderLayout.Definition), "The folder has no connector.json; create one with 'patchbay new' or 'patchbay unpack'.");
            return new ConnectorReadResult(null, diagnostics);
        }

        var root = JsonFields.ParseObject(FileSet.DecodeText(definitionBytes), SourceFolderLayout.Definition, diagnostics);
        if (root is null)
        {
            return new ConnectorReadResult(null, diagnostics);
        }

        var icon = files.TryGetValue(SourceFolderLayout.Icon, out var png) ? Convert.ToBase64String(png) : "";
        var package = new ConnectorPackage
        {
            Definition = SourceDefinitionReader.Read(root, icon, diagnostics),
            Files = FileSet.From(files
                .Where(f => f.Key is not (SourceFolderLayout.Definition or SourceFolderLayout.Icon))
                .Select(f => KeyValuePair.Create(ToPackagePath(f.Key), f.Value))),
        };
        diagnostics.AddRange(ConnectorValidator.Validate(package, DefinitionLocations.SourceFolder));
        return new ConnectorReadResult(package, diagnostics);
    }

    /// <summary>Reads a source folder from disk, skipping <c>.git/</c>, never following links, within <paramref name="limits"/>.</summary>
    public static ConnectorReadResult Read(string folder, PackageLimits limits)
    {
        var diagnostics = new DiagnosticList();
        var files = ReadFiles(folder, limits, diagnostics);
        return files is null ? new ConnectorReadResult(null, diagnostics) : Read(files);
    }

    /// <summary>
    /// The files of a source folder on disk by relative '/'-separated path, skipping <c>.git/</c> and
    /// <c>node_modules/</c>, never following links; null (with the reason in <paramref name="diagnostics"/>)
    /// when the folder is missing or exceeds <paramref name="limits"/>.
    /// </summary>
    public static Dictionary<string, byte[]>? ReadFiles(string folder, PackageLimits limits, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error("missing-folder", new Location(folder), "The folder does not exist.");
            return null;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            var path = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (SourceFolderLayout.IsIgnored(path))
            {
                continue;
            }

            total += new FileInfo(file).Length;
            if (files.Count >= limits.MaxFileCount || total > limits.MaxTotalBytes)
            {
                diagnostics.Error("too-large", new Location(path), $"The folder holds more than {limits.MaxFileCount:N0} files or {limits.MaxTotalBytes:N0} bytes, the limits.");
                return null;
            }

            files[path] = File.ReadAllBytes(file);
        }

        return files;
    }

    /// <summary>The files of the source folder for <paramref name="package"/>, by relative path.</summary>
    public static IReadOnlyDictionary<string, byte[]> ToFiles(ConnectorPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var json = SourceDefinitionWriter.Write(package.Definition).ToJsonString(Indented) + "\n";
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SourceFolderLayout.Definition] = FileSet.EncodeText(json),
        };
        if (package.Definition.IconBase64.Length > 0)
        {
            files[SourceFolderLayout.Icon] = Convert.FromBase64String(package.Definition.IconBase64);
        }

        foreach (var (path, content) in package.Files)
        {
            files[ToSourcePath(path)] = content;
        }

        return files;
    }

    /// <summary>
    /// Writes the source folder into <paramref name="folder"/>, which must not exist or be empty unless
    /// <paramref name="overwrite"/>. Files go to a staging folder first, so a failure leaves the target as it was.
    /// </summary>
    public static void Write(ConnectorPackage package, string folder, bool overwrite)
    {
        var target = Path.GetFullPath(folder);
        if (!overwrite && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"'{folder}' is not empty; choose another folder or overwrite it.");
        }

        StagedFolder.Replace(target, staging =>
        {
            foreach (var (path, content) in ToFiles(package))
            {
                var file = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, content);
            }
        });
    }

    private static string ToPackagePath(string sourcePath) =>
        sourcePath.StartsWith(SourceFolderLayout.Libraries, StringComparison.Ordinal)
            ? ConnectorPaths.NodeModules + sourcePath[SourceFolderLayout.Libraries.Length..]
            : sourcePath;

    private static string ToSourcePath(string packagePath) =>
        packagePath.StartsWith(ConnectorPaths.NodeModules, StringComparison.Ordinal)
            ? SourceFolderLayout.Libraries + packagePath[ConnectorPaths.NodeModules.Length..]
            : packagePath;
}
