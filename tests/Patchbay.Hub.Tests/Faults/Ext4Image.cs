using Microsoft.Data.Sqlite;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// A small ext4 file system in an image file, loop-mounted with <c>errors=remount-ro</c>, to be a data folder the
/// kernel turns read-only under a running hub. Linux refuses <c>mount -o remount,ro</c> while a process holds files
/// open for writing (a running hub always does: its SQLite files), so a running hub's folder turns read-only only
/// the way the kernel does it after an I/O error; <see cref="FailAsync"/> triggers exactly that
/// (<c>/sys/fs/ext4/&lt;device&gt;/trigger_fs_error</c>). Such a file system stays read-only until it is unmounted,
/// checked and mounted again (<see cref="RepairAsync"/>). Needs root and loop devices.
/// </summary>
public sealed class Ext4Image : IAsyncDisposable
{
    private readonly string _image;

    private Ext4Image(string image, string folder)
    {
        _image = image;
        Folder = folder;
    }

    public string Folder { get; }

    public static async Task<Ext4Image> MountAsync(int megabytes)
    {
        Root.Require("loop-mount an ext4 image as a data folder the kernel can turn read-only");
        var folder = Directory.CreateTempSubdirectory("patchbay-ext4-").FullName;
        var image = folder + ".img";
        using (var file = File.Create(image))
        {
            file.SetLength(megabytes * 1024L * 1024);
        }

        await Root.RunCheckedAsync("mkfs.ext4", "-q", "-F", image);
        var disk = new Ext4Image(image, folder);
        await disk.MountAgainAsync();
        return disk;
    }

    /// <summary>Reports an error on the file system, as a failing disk would: the kernel remounts it read-only at once, open files and all.</summary>
    public async Task FailAsync()
    {
        var device = Path.GetFileName((await Root.RunCheckedAsync("findmnt", "-n", "-o", "SOURCE", Folder)).Trim());
        await File.WriteAllTextAsync($"/sys/fs/ext4/{device}/trigger_fs_error", "patchbay fault test", TestContext.Current.CancellationToken);
    }

    /// <summary>What an operator does once the hub is stopped: unmount, check and repair, mount again read-write.</summary>
    public async Task RepairAsync()
    {
        SqliteConnection.ClearAllPools(); // the stopped in-process hub's pooled connections still hold the files
        await Root.RunCheckedAsync("umount", Folder);
        var (exitCode, output) = await Root.RunAsync("e2fsck", "-f", "-y", _image);
        exitCode.ShouldBeLessThanOrEqualTo(1, output); // 1: errors were corrected
        await MountAgainAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Root.RunAsync("umount", "-l", Folder);
        File.Delete(_image);
        Directory.Delete(Folder, recursive: true);
    }

    private async Task MountAgainAsync()
    {
        var (exitCode, output) = await Root.RunAsync("mount", "-o", "loop,errors=remount-ro", _image, Folder);
        exitCode.ShouldBe(0, $"mounting an ext4 image needs root (CAP_SYS_ADMIN) and loop devices: {output}");
    }
}
