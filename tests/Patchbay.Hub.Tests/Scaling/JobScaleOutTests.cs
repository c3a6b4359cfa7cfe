using System.Net;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Scaling;

/// <summary>
/// Two hubs whose job servers run <see cref="Workers"/> workers each: a batch of slow jobs is more than one hub
/// can hold at once, so Hangfire's shared queue must hand work to both.
/// </summary>
public sealed class TwoJobHubs : TwoHubs
{
    public const int Workers = 2;

    protected override IReadOnlyList<string> ServeArguments => ["--job-workers", Workers.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}

/// <summary>
/// Async jobs on a scale-out: jobs accepted by either hub are queued in the shared Hangfire schema, run once
/// each by whichever hub's worker takes them, and retried through the same queue.
/// </summary>
public sealed class JobScaleOutTests(TwoJobHubs hubs, RemoteApi remote) : ScaleOutTestClass, IClassFixture<TwoJobHubs>, IClassFixture<RemoteApi>
{
    private const int Jobs = 20;

    [Fact]
    public async Task Jobs_accepted_on_both_hubs_each_run_once_and_both_hubs_run_them()
    {
        var tag = Guid.NewGuid().ToString("N");
        // 300 ms per call: twenty jobs keep one hub's two workers busy for seconds, so the other hub's idle workers take some.
        var name = await InstallRestAsync($"/hits/{tag}?delayMs=300");
        using var a = hubs.A.Client(hubs.AdminKey);
        using var b = hubs.B.Client(hubs.AdminKey);

        var jobIds = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(i => AcceptAsync(i % 2 == 0 ? a : b, name, new { environment = "Test" })));
        foreach (var jobId in jobIds)
        {
            (await a.WaitForJobAsync(jobId))["state"]!.ToString().ShouldBe("succeeded");
        }

        var runs = await hubs.QueryAsync(db => db.Invocations.Where(i => i.JobId != null && jobIds.Contains(i.JobId.Value))
            .Select(i => new { JobId = i.JobId!.Value, i.Attempt, i.Node }).ToListAsync(Cancel));
        runs.GroupBy(r => r.JobId).Select(g => g.Count()).ShouldAllBe(n => n == 1, "every job ran exactly once");
        runs.Select(r => r.JobId).ShouldBe(jobIds, ignoreOrder: true);
        runs.ShouldAllBe(r => r.Attempt == 1);
        remote.Hits(tag).ShouldBe(Jobs);
        runs.Select(r => r.Node).Distinct().Count().ShouldBe(2, "both hubs' job servers ran jobs of the shared queue");
    }

    [Fact]
    public async Task A_transient_failure_is_retried_through_the_shared_queue_until_it_succeeds()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await InstallRestAsync($"/flaky/{tag}/1");
        using var a = hubs.A.Client(hubs.AdminKey);

        var jobId = await AcceptAsync(a, name, new { environment = "Test", retry = new { attempts = 3, backoffSeconds = 1 } });

        using var b = hubs.B.Client(hubs.AdminKey);
        var status = await b.WaitForJobAsync(jobId); // either hub answers for any job
        status["state"]!.ToString().ShouldBe("succeeded");
        status["attempts"]!.GetValue<int>().ShouldBe(2);
        var attempts = await hubs.QueryAsync(db => db.Invocations.Where(i => i.JobId == jobId).OrderBy(i => i.Attempt).ToListAsync(Cancel));
        attempts.Select(i => (i.Attempt, i.Success, i.StatusCode)).ShouldBe([(1, false, 503), (2, true, 200)]);
        attempts.ShouldAllBe(i => i.Node != null);
        status["invocationId"]!.ToString().ShouldBe(attempts[1].Id.ToString());
        remote.Hits(tag).ShouldBe(2);
    }

    private async Task<string> InstallRestAsync(string path)
    {
        var package = new RestConnector(remote.Url).Action("call", RestConnector.Get(path)).Build();
        var name = "Rest " + Guid.NewGuid().ToString("N")[..8];
        await hubs.InstallAsync(package with { Definition = package.Definition with { Name = name } });
        return name;
    }

    private static async Task<Guid> AcceptAsync(HttpClient hub, string name, object body)
    {
        using var accepted = await hub.InvokeAsync(name, body, query: "?mode=async");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(Cancel));
        return Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString());
    }
}
