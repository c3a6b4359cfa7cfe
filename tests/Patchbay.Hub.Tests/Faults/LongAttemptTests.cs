using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Jobs;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// Hangfire's SQLite storage (Hangfire.Storage.SQLite 0.4) does not renew the lease of a running attempt: an
/// attempt still running after <c>--job-lease</c> is taken again by another worker of the same hub, once per
/// lease. The second run waits for the first (<see cref="JobAttemptGuard"/>) and then finds the attempt recorded,
/// so the action still runs once and the job ends once; the waiting runs only hold workers meanwhile.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LongAttemptTests(SideEffects remote) : IClassFixture<SideEffects>, IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("patchbay-long-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_attempt_longer_than_its_lease_on_SQLite_is_taken_again_but_runs_its_action_once()
    {
        await using var hub = await FaultHub.StartAsync(_dataFolder); // a lease of 2 s
        var name = await hub.Admin.InstallAsync(remote, "long-secret");
        var tag = FaultConnector.NewTag();
        var jobId = await hub.Admin.AcceptAsync(name, FaultConnector.Body(tag));
        await remote.WaitForDeliveriesAsync(tag, 1);

        var monitoring = hub.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => Task.FromResult(TimesTaken(monitoring, jobId) >= 2), TimeSpan.FromSeconds(60), "Hangfire to take the attempt again after its lease");
        remote.Release(tag);

        var status = await Eventually.ValueAsync(
            async () => await hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative), Cancel) is { } s && s["state"]!.ToString() is "succeeded" or "failed" ? s : null,
            TimeSpan.FromSeconds(60),
            "the job to end");
        status["state"]!.ToString().ShouldBe("succeeded", status.ToJsonString());
        (await hub.Admin.JobInvocationsAsync(jobId)).ShouldBe([(1, "Succeeded")]);
        remote.Deliveries(tag).Count.ShouldBe(1, "the action ran once");
    }

    /// <summary>How many times a worker took the job's first attempt: its Processing states in Hangfire's history.</summary>
    private static int TimesTaken(IMonitoringApi monitoring, Guid jobId) =>
        monitoring.ProcessingJobs(0, 100)
            .Where(j => j.Value.Job?.Method.Name == nameof(InvocationJob.RunAttemptAsync) && j.Value.Job.Args[0] is Guid id && id == jobId)
            .Select(j => monitoring.JobDetails(j.Key).History.Count(h => h.StateName == "Processing"))
            .DefaultIfEmpty(0)
            .Max();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A worker that is still exiting may hold a file; the temporary folder is cleaned by the OS.
        }
    }
}
