using Patchbay.Cli.Tests.Support;
using Patchbay.Hub.Security;

namespace Patchbay.Cli.Tests.HubCommands;

/// <summary><c>patchbay backup</c> of a running SQLite hub, restored by starting another hub on the backup folder.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SecretHub _hubs = new(ApiKeys.Generate().Key);

    private string Data => _folder["data"];

    private string Backup => _folder["backup"];

    [Fact]
    public async Task ABackup_taken_while_the_hub_runs_restores_connectors_secrets_and_history()
    {
        string firstInvocation;
        await using (var hub = await _hubs.StartAsync(Data))
        {
            await _hubs.InstallWithSecretAsync(hub);
            firstInvocation = (await _hubs.InvokeAsync(hub))["invocationId"]!.GetValue<string>();

            var run = await RunAsync("backup", "--data", Data, "-o", Backup);

            run.ExitCode.ShouldBe(0, run.ToString());
            run.Error.ShouldContain("integrity checked");
            File.Exists(Path.Combine(Backup, "jobs.db")).ShouldBeTrue(); // the async job queue goes with the hub's database
            run.ToString().ShouldNotContain(SecretHub.Secret);
        }

        await using var restored = await _hubs.StartAsync(Backup);
        SecretHub.SecretArrived(await _hubs.InvokeAsync(restored)).ShouldBeTrue();
        using var client = _hubs.Client(restored);
        (await client.GetAsync(new Uri($"/api/v1/invocations/{firstInvocation}", UriKind.Relative), Cancel)).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task A_folder_without_a_hub_or_a_target_that_is_not_empty_is_refused_with_the_path()
    {
        var empty = _folder["not-empty"];
        _folder.Write("not-empty/other.txt", "x");

        var noHub = await RunAsync("backup", "--data", empty, "-o", Backup);
        await using (await _hubs.StartAsync(Data))
        {
            var notEmpty = await RunAsync("backup", "--data", Data, "-o", empty);

            notEmpty.ExitCode.ShouldBe(1);
            notEmpty.Error.ShouldContain($"{empty}: the folder is not empty");
        }

        noHub.ExitCode.ShouldBe(1);
        noHub.Error.ShouldContain(Path.Combine(empty, "patchbay.db") + ": there is no hub database here");
        Directory.Exists(Backup).ShouldBeFalse();
    }

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<CliRun> RunAsync(params string[] args) => _folder.RunAsync(args);
}
