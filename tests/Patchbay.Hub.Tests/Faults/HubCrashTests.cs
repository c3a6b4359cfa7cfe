using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Configuration;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Scaling;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// The hub process killed with SIGKILL while a sync invocation and an async job are in the middle of their work,
/// then started again on the same state (its SQLite data folder, or its PostgreSQL database): the sync caller
/// loses its connection, the job is taken again once its lease (<c>--job-lease</c>) runs out and succeeds once,
/// and nothing stored before the crash is lost or corrupted.
/// </summary>
[Trait("Category", "Integration")]
public abstract class HubCrashTests(SideEffects remote) : IAsyncLifetime
{
    private const string Secret = "hub-crash-secret";
    private static readonly string[] Serve = ["--job-lease", "2"];
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("patchbay-crash-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_hub_started_again_finishes_its_job_once_and_lost_nothing()
    {
        var admin = ApiKeys.Generate().Key;
        var postgres = await DatabaseAsync();
        string name;
        Guid before, jobId;
        var jobTag = FaultConnector.NewTag();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Mark(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s {what}");
        await using (var hub = await HubProcess.StartAsync(postgres, admin, Serve, Cancel, _dataFolder))
        {
            Mark("started");
            using var client = hub.Client(admin);
            name = await client.InstallAsync(remote, Secret);
            before = await client.InvokeOkAsync(remote, name);
            var syncTag = FaultConnector.NewTag();
            var sync = client.InvokeAsync(name, new { environment = FaultConnector.Environment, inputs = new { tag = syncTag } });
            jobId = await client.AcceptAsync(name, FaultConnector.Body(jobTag));
            await remote.WaitForDeliveriesAsync(syncTag, 1);
            await remote.WaitForDeliveriesAsync(jobTag, 1);

            Mark("in the middle");
            await hub.KillAsync();

            await Should.ThrowAsync<HttpRequestException>(sync); // nothing else is possible: the process is gone
        }

        await using (var hub = await HubProcess.StartAsync(postgres, admin, Serve, Cancel, _dataFolder))
        {
            Mark("started again");
            using var client = hub.Client(admin);
            var status = await client.WaitForJobAsync(jobId);
            Mark("job done");
            status["state"]!.ToString().ShouldBe("succeeded", status.ToJsonString() + hub.Output);
            status["attempts"]!.GetValue<int>().ShouldBe(1, "the attempt the dead hub held was never recorded, so it ran again as attempt 1");
            (await client.JobInvocationsAsync(jobId)).ShouldBe([(1, "Succeeded")]);
            remote.Deliveries(jobTag).Count.ShouldBe(2, "at least once: the dead hub's attempt had delivered before it died");
            remote.Effects(jobTag).ShouldBe(1);
            remote.Deliveries(jobTag).ShouldAllBe(d => d.Secret == Secret, "the stored secret still decrypts after the restart");

            var earlier = await client.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/invocations/{before}", UriKind.Relative), Cancel);
            earlier!["success"]!.GetValue<bool>().ShouldBeTrue();
            (await client.GetAsync(new Uri($"/api/v1/connectors/{Uri.EscapeDataString(name)}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var config = await client.GetStringAsync(ConfigTestConnector.ConfigUri(name, FaultConnector.Environment), Cancel);
            config.ShouldContain("secret");
            await client.InvokeOkAsync(remote, name);
        }

        if (postgres is null)
        {
            IntegrityCheck(Path.Combine(_dataFolder, "patchbay.db")).ShouldBe("ok");
            IntegrityCheck(Path.Combine(_dataFolder, "jobs.db")).ShouldBe("ok");
        }
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A worker that is still exiting may hold a file; the temporary folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The PostgreSQL database both hub processes use; null for SQLite in the data folder.</summary>
    protected abstract Task<string?> DatabaseAsync();

    /// <summary>SQLite's own check of every page and index of a database file.</summary>
    internal static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }
}

public sealed class SqliteHubCrashTests(SideEffects remote) : HubCrashTests(remote), IClassFixture<SideEffects>
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresHubCrashTests(SideEffects remote) : HubCrashTests(remote), IClassFixture<SideEffects>
{
    private readonly string _database = "pbcrash_" + Guid.NewGuid().ToString("N");
    private bool _created;

    public override ValueTask InitializeAsync()
    {
        TwoHubs.RequireServer();
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_created)
        {
            await PostgresHub.DropDatabaseAsync(_database);
        }

        await base.DisposeAsync();
    }

    protected override async Task<string?> DatabaseAsync()
    {
        var connection = await PostgresHub.CreateDatabaseAsync(_database);
        _created = true;
        return connection;
    }
}
