namespace Patchbay.Core.Packaging.Source;

/// <summary>
/// The code-first source folder: a readable <c>connector.json</c>, an optional <c>icon.png</c>, the
/// code at the same paths as in a <c>.bizc</c>, and libraries in <c>libraries/</c> (which becomes
/// <c>node_modules/</c> in the package).
/// </summary>
public static class SourceFolderLayout
{
    public const string Definition = "connector.json";
    public const string Icon = "icon.png";
    public const string Libraries = "libraries/";

    /// <summary>Folders never read as part of a connector.</summary>
    internal static readonly string[] IgnoredFolders = [".git/", "node_modules/"];

    /// <summary>Whether a relative '/'-separated path lies in a folder never read as part of a connector.</summary>
    internal static bool IsIgnored(string path) => IgnoredFolders.Any(ignored => path.StartsWith(ignored, StringComparison.Ordinal));
}
