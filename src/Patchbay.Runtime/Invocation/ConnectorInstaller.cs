using System.Security.Cryptography;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;

namespace Patchbay.Runtime.Invocation;

/// <summary>
/// Writes a connector to disk in Bizagi's layout, once per content: the folder name carries a hash of
/// every file, so a changed connector gets a new folder (and new workers) and an unchanged one is reused.
/// </summary>
internal sealed class ConnectorInstaller(string connectorsFolder)
{
    private const string CompleteMarker = ".patchbay-installed";
    private readonly Lock _gate = new();

    // Hashing every file is for the first call with a package value, not for every invocation.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ConnectorPackage, string> _installed = [];

    public string Install(ConnectorPackage package) => _installed.GetValue(package, InstallFiles);

    private string InstallFiles(ConnectorPackage package)
    {
        var files = BizcWriter.Files(package).ToList();
        var definition = package.Definition;
        var folder = Path.Combine(connectorsFolder, definition.FolderName, $"{definition.Version}-{ContentHash(files)}");
        lock (_gate)
        {
            if (!File.Exists(Path.Combine(folder, CompleteMarker)))
            {
                StagedFolder.Replace(folder, staging =>
                {
                    foreach (var (path, content) in files)
                    {
                        var file = Path.Combine(staging, path);
                        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                        File.WriteAllBytes(file, content);
                    }

                    File.WriteAllText(Path.Combine(staging, CompleteMarker), "");
                });
            }
        }

        return folder;
    }

    private static string ContentHash(List<KeyValuePair<string, byte[]>> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, content) in files)
        {
            hash.AppendData(FileSet.EncodeText(path));
            hash.AppendData(BitConverter.GetBytes(content.Length));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
