namespace Patchbay.Core.Packaging.Libraries;

/// <summary>
/// The shape of a node_modules tree, relative to its root: package folders are <c>name</c> or <c>@scope/name</c>,
/// optionally followed by any number of <c>node_modules/name</c> (or <c>node_modules/@scope/name</c>) levels.
/// </summary>
internal static class PackageFolders
{
    public const string PackageJson = "package.json";
    public const string NodeModules = "node_modules";
    public const string BinFolder = ".bin";
    private const string HiddenLockfile = ".package-lock.json";

    /// <summary>True for what npm writes for its own use and Patchbay drops: <c>.bin/</c> folders and <c>.package-lock.json</c>.</summary>
    public static bool IsNpmBookkeeping(string path)
    {
        var segments = path.Split('/');
        return segments[^1] == HiddenLockfile || segments.AsSpan(0, segments.Length - 1).Contains(BinFolder);
    }

    /// <summary>Parses <paramref name="folder"/> (no trailing '/') as a package folder and gives the name Node resolves it by.</summary>
    public static bool TryGetPackageName(string folder, out string name)
    {
        name = string.Empty;
        var segments = folder.Split('/');
        var i = 0;
        while (true)
        {
            if (!TryReadName(segments, ref i, out name))
            {
                return false;
            }

            if (i == segments.Length)
            {
                return true;
            }

            if (segments[i] != NodeModules)
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>The top-level folder a path belongs to (<c>axios</c>, <c>@scope/name</c>), or null for a file at the root.</summary>
    public static string? TopLevelFolder(string path)
    {
        var segments = path.Split('/');
        if (segments.Length < 2)
        {
            return null;
        }

        return segments[0].StartsWith('@') && segments.Length >= 3 ? $"{segments[0]}/{segments[1]}" : segments[0];
    }

    /// <summary>
    /// The folders Node looks in, in order, for <c>require(dependency)</c> from code in <paramref name="packageFolder"/>:
    /// its own node_modules, then each ancestor's, up to the root (which becomes the connector's node_modules).
    /// </summary>
    public static IEnumerable<string> ResolutionCandidates(string packageFolder, string dependency)
    {
        var segments = packageFolder.Split('/');
        for (var length = segments.Length; length > 0; length--)
        {
            if (segments[length - 1] != NodeModules)
            {
                yield return $"{string.Join('/', segments[..length])}/{NodeModules}/{dependency}";
            }
        }

        yield return dependency;
    }

    private static bool TryReadName(string[] segments, ref int i, out string name)
    {
        name = string.Empty;
        if (i >= segments.Length || !IsNameSegment(segments[i]))
        {
            return false;
        }

        if (segments[i].StartsWith('@'))
        {
            if (i + 1 >= segments.Length || !IsNameSegment(segments[i + 1]) || segments[i + 1].StartsWith('@'))
            {
                return false;
            }

            name = $"{segments[i]}/{segments[i + 1]}";
            i += 2;
            return true;
        }

        name = segments[i];
        i++;
        return true;
    }

    private static bool IsNameSegment(string segment) =>
        segment.Length > 0 && segment != NodeModules && !segment.StartsWith('.') && segment != "@";
}
