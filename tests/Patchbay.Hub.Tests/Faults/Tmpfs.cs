namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// A small tmpfs mounted on a temporary folder, to be a hub's data folder that can fill up or turn read-only
/// (<c>mount -o remount,ro</c>) while the hub runs. Mounting needs root or CAP_SYS_ADMIN.
/// </summary>
public sealed class Tmpfs : IAsyncDisposable
{
    private Tmpfs(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    private string Filler => Path.Combine(Folder, "filler.bin");

    public static async Task<Tmpfs> MountAsync(int megabytes)
    {
        Root.Require("mount a tmpfs as a data folder that can fill up or turn read-only");
        var folder = Directory.CreateTempSubdirectory("patchbay-tmpfs-").FullName;
        var (exitCode, output) = await Root.RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
        exitCode.ShouldBe(0, $"mount -t tmpfs failed; the fault tests need root or CAP_SYS_ADMIN to mount one: {output}");
        return new Tmpfs(folder);
    }

    /// <summary>Writes a file until the file system is full (ENOSPC), page by page and unbuffered, so not a page is left.</summary>
    public void Fill()
    {
        using var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        var page = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(page);
            }
        }
        catch (IOException)
        {
            // full
        }
    }

    public void Free() => File.Delete(Filler);

    public Task RemountReadOnlyAsync() => Root.RunCheckedAsync("mount", "-o", "remount,ro", Folder);

    public Task RemountWritableAsync() => Root.RunCheckedAsync("mount", "-o", "remount,rw", Folder);

    public async ValueTask DisposeAsync()
    {
        await Root.RunAsync("umount", "-l", Folder);
        Directory.Delete(Folder, recursive: true);
    }
}
