namespace Patchbay.Core.Packaging;

/// <summary>
/// Replaces a folder's content all at once: the new content is written into a sibling staging folder,
/// then swapped in; on any failure the staging folder is removed and the target is left as it was.
/// </summary>
public static class StagedFolder
{
    public static void Replace(string target, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Guid.NewGuid():N}");
        var backup = Path.Combine(parent, $".{Path.GetFileName(full)}.previous-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            if (Directory.Exists(full))
            {
                Directory.Move(full, backup);
            }

            Directory.Move(staging, full);
        }
        catch
        {
            if (Directory.Exists(backup) && !Directory.Exists(full))
            {
                Directory.Move(backup, full);
            }

            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        if (Directory.Exists(backup))
        {
            Directory.Delete(backup, recursive: true);
        }
    }
}
