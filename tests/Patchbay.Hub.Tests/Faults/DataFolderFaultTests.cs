using System.Net;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Scaling;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// A SQLite hub's data folder that is full or read-only, at start (a small tmpfs, filled or remounted read-only)
/// and while the hub runs (the tmpfs filled; an ext4 image the kernel turns read-only, see <see cref="Ext4Image"/>):
/// a start is refused with one sentence naming the folder and the reason; a running hub answers 507/503 problems
/// for what it cannot store, stays up, and works again, uncorrupted, once the folder is fixed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DataFolderFaultTests(SideEffects remote) : IClassFixture<SideEffects>
{
    private const string Secret = "disk-secret";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_refuses_to_start_on_a_read_only_data_folder_naming_it()
    {
        await using var folder = await Tmpfs.MountAsync(megabytes: 4);
        await folder.RemountReadOnlyAsync();

        var (exitCode, output) = await HubProcess.StartToFailAsync(folder.Folder, Cancel);

        exitCode.ShouldBe(1, output);
        output.ShouldContain($"The data folder {folder.Folder} cannot be used: it is on a read-only file system.");
        output.ShouldNotContain("   at ", customMessage: "no stack trace");
    }

    [Fact]
    public async Task A_hub_refuses_to_start_on_a_full_data_folder_naming_it()
    {
        await using var folder = await Tmpfs.MountAsync(megabytes: 4);
        folder.Fill();

        var (exitCode, output) = await HubProcess.StartToFailAsync(folder.Folder, Cancel);

        exitCode.ShouldBe(1, output);
        output.ShouldContain($"The data folder {folder.Folder} cannot be used: it has no space left.");
        output.ShouldNotContain("   at ", customMessage: "no stack trace");
    }

    [Fact]
    public async Task A_full_data_folder_answers_507_and_the_hub_works_again_once_space_is_freed()
    {
        await using var folder = await Tmpfs.MountAsync(megabytes: 48);
        await using (var hub = await FaultHub.StartAsync(folder.Folder))
        {
            var name = await hub.Admin.InstallAsync(remote, Secret);
            var before = await hub.Admin.InvokeOkAsync(remote, name);

            folder.Fill();

            await ExpectRefusedAsync(hub, name, HttpStatusCode.InsufficientStorage, "no space left");
            folder.Free();
            await ExpectWorkingAsync(hub, name, before);
        }

        HubCrashTests.IntegrityCheck(Path.Combine(folder.Folder, "patchbay.db")).ShouldBe("ok");
    }

    [Fact]
    public async Task A_data_folder_the_kernel_turns_read_only_answers_503_and_after_repair_nothing_is_lost()
    {
        await using var disk = await Ext4Image.MountAsync(megabytes: 64);
        string name, adminKey;
        Guid before;
        await using (var hub = await FaultHub.StartAsync(disk.Folder))
        {
            adminKey = hub.AdminKey;
            name = await hub.Admin.InstallAsync(remote, Secret);
            before = await hub.Admin.InvokeOkAsync(remote, name);
            // With synchronous=FULL (the default) each commit is synced already; the explicit sync keeps this test
            // true under --sqlite-synchronous normal too, where a failing disk loses what was not yet synced.
            await Root.RunCheckedAsync("sync", "-f", Path.Combine(disk.Folder, "patchbay.db"));

            await disk.FailAsync();

            await ExpectRefusedAsync(hub, name, HttpStatusCode.ServiceUnavailable, "read-only");
        }

        await disk.RepairAsync();
        await using (var hub = await FaultHub.StartAsync(disk.Folder, adminKey: adminKey))
        {
            await ExpectWorkingAsync(hub, name, before);
        }

        HubCrashTests.IntegrityCheck(Path.Combine(disk.Folder, "patchbay.db")).ShouldBe("ok");
    }

    /// <summary>An invocation and an upload cannot be stored: each answers a problem naming the cause, and the hub stays up.</summary>
    private async Task ExpectRefusedAsync(FaultHub hub, string name, HttpStatusCode status, string cause)
    {
        var tag = FaultConnector.NewTag();
        remote.Release(tag);
        using (var invoke = await hub.Admin.InvokeAsync(name, new { environment = FaultConnector.Environment, inputs = new { tag } }))
        {
            (await invoke.ProblemDetailAsync(status)).ShouldContain(cause);
        }

        using (var upload = await hub.Admin.UploadAsync(FaultConnector.Package(remote, "Faults " + Guid.NewGuid().ToString("N")[..8])))
        {
            (await upload.ProblemDetailAsync(status)).ShouldContain(cause);
        }

        (await hub.Anonymous.GetAsync(new Uri("/health/live", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await hub.Admin.GetAsync(new Uri($"/api/v1/invocations/{Guid.Empty}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "reading still works");
    }

    private async Task ExpectWorkingAsync(FaultHub hub, string name, Guid before)
    {
        await hub.Admin.InvokeOkAsync(remote, name);
        using (var upload = await hub.Admin.UploadAsync(FaultConnector.Package(remote, "Faults " + Guid.NewGuid().ToString("N")[..8])))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync(Cancel));
        }

        (await hub.Admin.GetAsync(new Uri($"/api/v1/invocations/{before}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
