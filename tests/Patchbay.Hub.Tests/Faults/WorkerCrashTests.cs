using System.Diagnostics;
using System.Net;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// A connector's Node worker killed (SIGKILL) in the middle of an invocation, after its side effect reached the
/// remote side. The runtime's own crash tests (Runtime.Tests FaultTests) cover a worker that exits by itself; these
/// prove what a hub's callers see: a sync caller is told the worker crashed, an async job is retried and succeeds
/// once, and the next invocation gets a new worker.
/// </summary>
public abstract class WorkerCrashTests(HubFixture hub, SideEffects remote) : HubTests(hub)
{
    private const string Secret = "worker-crash-secret";

    [Fact]
    public async Task A_sync_caller_whose_worker_is_killed_is_told_it_crashed_and_the_next_call_works()
    {
        var name = await Hub.Admin.InstallAsync(remote, Secret);
        var tag = FaultConnector.NewTag();

        var call = Hub.Admin.InvokeAsync(name, new { environment = FaultConnector.Environment, inputs = new { tag } });
        var delivery = (await remote.WaitForDeliveriesAsync(tag, 1))[0];
        KillWorker(delivery.Pid);

        using var crashed = await call;
        crashed.StatusCode.ShouldBe(HttpStatusCode.OK); // the runtime ran the call: the envelope says how it ended
        var answer = await crashed.JsonAsync();
        answer["success"]!.GetValue<bool>().ShouldBeFalse();
        answer["outcome"]!.ToString().ShouldBe("workerCrashed");
        answer["failureMessage"]!.ToString().ShouldContain("worker stopped");
        answer["envelope"]!["connectorstatuscode"]!.GetValue<int>().ShouldBe(-502);

        var next = Hub.Admin.InvokeAsync(name, new { environment = FaultConnector.Environment, inputs = new { tag } });
        using var again = await next;
        var second = await again.JsonAsync();
        second["success"]!.GetValue<bool>().ShouldBeTrue(second.ToJsonString());
        var deliveries = remote.Deliveries(tag);
        deliveries.Count.ShouldBe(2);
        deliveries[1].Pid.ShouldNotBe(delivery.Pid, "a new worker");
        remote.Effects(tag).ShouldBe(1, "the sync caller retried with the same key: the idempotent remote applied it once");
    }

    [Fact]
    public async Task An_async_job_whose_worker_is_killed_is_retried_and_succeeds_once()
    {
        var name = await Hub.Admin.InstallAsync(remote, Secret);
        var tag = FaultConnector.NewTag();

        var jobId = await Hub.Admin.AcceptAsync(name, FaultConnector.Body(tag, attempts: 3));
        KillWorker((await remote.WaitForDeliveriesAsync(tag, 1))[0].Pid);

        var status = await Hub.Admin.WaitForJobAsync(jobId);
        status["state"]!.ToString().ShouldBe("succeeded", status.ToJsonString());
        status["attempts"]!.GetValue<int>().ShouldBe(2);
        (await Hub.Admin.JobInvocationsAsync(jobId)).ShouldBe([(1, "WorkerCrashed"), (2, "Succeeded")]);
        // At least once: the crashed attempt's delivery had reached the remote; the retry delivered again with the same key.
        remote.Deliveries(tag).Count.ShouldBe(2);
        remote.Effects(tag).ShouldBe(1);
        remote.Deliveries(tag).ShouldAllBe(d => d.Secret == Secret);
    }

    private static void KillWorker(int pid)
    {
        using var worker = Process.GetProcessById(pid);
        worker.Kill(); // SIGKILL
    }
}

[Trait("Category", "Integration")]
public sealed class SqliteWorkerCrashTests(SqliteHub hub, SideEffects remote) : WorkerCrashTests(hub, remote), IClassFixture<SqliteHub>, IClassFixture<SideEffects>;

[Trait("Category", "Integration")]
public sealed class PostgresWorkerCrashTests(PostgresHub hub, SideEffects remote) : WorkerCrashTests(hub, remote), IClassFixture<PostgresHub>, IClassFixture<SideEffects>;
