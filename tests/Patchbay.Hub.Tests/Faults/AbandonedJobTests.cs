using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// A job attempt that meets a storage fault through every one of Hangfire's retries (here two, a second apart)
/// is given up by Hangfire; the job then ends "failed" with a reason saying so, and its callback is delivered as
/// for any other failure, instead of the job staying "running" forever. The fault is the hub's invocation table
/// held by the test (a write lock on SQLite, an exclusive table lock on PostgreSQL), so the attempt's record
/// cannot be saved while Hangfire's own storage keeps working.
/// </summary>
[Trait("Category", "Integration")]
public abstract class AbandonedJobTests(HubFixture hub, SideEffects remote, RemoteApi callbacks) : HubTests(hub)
{
    [Fact]
    public async Task A_job_whose_storage_stays_unavailable_through_every_retry_fails_saying_why_and_calls_back()
    {
        var name = await Hub.Admin.InstallAsync(remote, "abandoned-secret");
        var tag = FaultConnector.NewTag();
        var jobId = await Hub.Admin.AcceptAsync(name, new { environment = FaultConnector.Environment, inputs = new { tag }, callbackUrl = callbacks.Url + "/callback" });
        await remote.WaitForDeliveriesAsync(tag, 1);

        await using (await HoldInvocationsAsync())
        {
            remote.Release(tag); // the call ends; its record cannot be saved, nor can any retry start
            await Eventually.TrueAsync(
                () => Task.FromResult(Hub.Logs.All.Contains($"Job {jobId} attempt 1 met storage faults through every retry", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(180),
                "Hangfire to give the attempt up");
        }

        var callback = await callbacks.NextCallbackAsync(jobId, TimeSpan.FromSeconds(60));
        callback["state"]!.ToString().ShouldBe("failed", callback.ToJsonString());
        callback["failureReason"]!.ToString().ShouldContain("storage stayed unavailable through every retry of attempt 1");
        var status = (await Hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative), Cancel))!;
        status["state"]!.ToString().ShouldBe("failed", status.ToJsonString());
        status["completedAt"].ShouldNotBeNull();
        status["failureReason"]!.ToString().ShouldContain("storage stayed unavailable");
        remote.Effects(tag).ShouldBe(1, "the retries did not run the action again");
    }

    /// <summary>Holds the invocation table until disposed, as a storage fault would.</summary>
    protected abstract Task<IAsyncDisposable> HoldInvocationsAsync();
}

/// <summary>SQLite: a write transaction of the test's own; the hub's writes wait their busy timeout (30 s), then fail.</summary>
public sealed class SqliteAbandonedJobTests(SqliteAbandonedJobTests.ShortRetriesHub hub, SideEffects remote, RemoteApi callbacks)
    : AbandonedJobTests(hub, remote, callbacks), IClassFixture<SqliteAbandonedJobTests.ShortRetriesHub>, IClassFixture<SideEffects>, IClassFixture<RemoteApi>
{
    protected override async Task<IAsyncDisposable> HoldInvocationsAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(hub.DataFolder, "patchbay.db")};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync(Cancel);
        return connection; // closing it (not pooled) rolls the transaction back
    }

    /// <summary>The SQLite hub with one retry a second after a storage fault.</summary>
    public sealed class ShortRetriesHub : SqliteHub
    {
        protected override Task<HubOptions> ConfigureAsync(HubOptions options) =>
            Task.FromResult(options with { StorageRetryDelays = [TimeSpan.FromSeconds(1)] });
    }
}

/// <summary>PostgreSQL: an exclusive lock on the invocation table; the hub's statements on it time out (3 s).</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresAbandonedJobTests(PostgresAbandonedJobTests.ShortRetriesHub hub, SideEffects remote, RemoteApi callbacks)
    : AbandonedJobTests(hub, remote, callbacks), IClassFixture<PostgresAbandonedJobTests.ShortRetriesHub>, IClassFixture<SideEffects>, IClassFixture<RemoteApi>
{
    protected override async Task<IAsyncDisposable> HoldInvocationsAsync()
    {
        var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("BEGIN; LOCK TABLE invocations IN ACCESS EXCLUSIVE MODE", connection);
        await command.ExecuteNonQueryAsync(Cancel);
        return connection; // closing it ends the transaction and its lock
    }

    /// <summary>The PostgreSQL hub with two retries a second apart after a storage fault, and a short command timeout.</summary>
    public sealed class ShortRetriesHub : PostgresHub
    {
        protected override async Task<HubOptions> ConfigureAsync(HubOptions options)
        {
            var configured = await base.ConfigureAsync(options);
            return configured.PostgresConnectionString is { } database
                ? configured with
                {
                    PostgresConnectionString = new NpgsqlConnectionStringBuilder(database) { CommandTimeout = 3 }.ConnectionString,
                    StorageRetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)],
                }
                : configured;
        }
    }
}
