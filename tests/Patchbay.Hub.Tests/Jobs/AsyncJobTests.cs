using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Jobs;

public abstract class AsyncJobTests(HubFixture hub, RemoteApi remote) : HubTests(hub)
{
    [Fact]
    public async Task An_async_invocation_is_accepted_at_once_runs_and_calls_back()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var accepted = await client.InvokeAsync(name, new { environment = "Test", callbackUrl = remote.Url + "/callback" }, query: "?mode=async");

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(Cancel));
        var body = await accepted.JsonAsync();
        var jobId = Guid.Parse(body["jobId"]!.ToString());
        body["statusUrl"]!.ToString().ShouldBe($"/api/v1/jobs/{jobId}");

        var callback = await remote.NextCallbackAsync(jobId, TimeSpan.FromSeconds(60));
        callback["state"]!.ToString().ShouldBe("succeeded");
        callback["result"]!["success"]!.GetValue<bool>().ShouldBeTrue();

        var status = await client.WaitForJobAsync(jobId);
        status["state"]!.ToString().ShouldBe("succeeded");
        status["attempts"]!.GetValue<int>().ShouldBe(1);
        status["maxAttempts"]!.GetValue<int>().ShouldBe(1);
        status["completedAt"].ShouldNotBeNull();
        var invocationId = Guid.Parse(status["invocationId"]!.ToString());
        status["result"]!["invocationId"]!.ToString().ShouldBe(invocationId.ToString());
        var record = await Hub.QueryAsync(db => db.Invocations.SingleAsync(i => i.Id == invocationId, Cancel));
        record.Mode.ShouldBe("async");
        record.JobId.ShouldBe(jobId);
        remote.Hits(tag).ShouldBe(1);
        await WaitForCallbackStateAsync(client, jobId, "delivered");
        if (Hub.Engine == "sqlite")
        {
            File.Exists(Path.Combine(Hub.DataFolder, "jobs.db")).ShouldBeTrue(); // Hangfire's own file beside patchbay.db
        }
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_backoff_until_it_succeeds()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/flaky/{tag}/2");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var accepted = await client.InvokeAsync(name, new { environment = "Test", retry = new { attempts = 3, backoffSeconds = 1 } }, query: "?mode=async");

        var jobId = Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString());
        var status = await client.WaitForJobAsync(jobId);
        status["state"]!.ToString().ShouldBe("succeeded");
        status["attempts"]!.GetValue<int>().ShouldBe(3);
        var attempts = await Hub.QueryAsync(db => db.Invocations.Where(i => i.JobId == jobId).OrderBy(i => i.Attempt).ToListAsync(Cancel));
        attempts.Select(a => (a.Attempt, a.Success, a.StatusCode)).ShouldBe([(1, false, 503), (2, false, 503), (3, true, 200)]);
        // The second wait is the backoff doubled (2 s); Hangfire schedules to whole seconds, so allow one less.
        (attempts[2].StartedAt - attempts[1].StartedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        status["invocationId"]!.ToString().ShouldBe(attempts[2].Id.ToString());
        remote.Hits(tag).ShouldBe(3);
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_not_retried()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/status/{tag}/400");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var accepted = await client.InvokeAsync(name, new { environment = "Test", retry = new { attempts = 5, backoffSeconds = 0 } }, query: "?mode=async");

        var status = await client.WaitForJobAsync(Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString()));
        status["state"]!.ToString().ShouldBe("failed");
        status["attempts"]!.GetValue<int>().ShouldBe(1);
        status["result"]!["success"]!.GetValue<bool>().ShouldBeFalse();
        remote.Hits(tag).ShouldBe(1);
    }

    [Fact]
    public async Task A_transient_failure_fails_the_job_when_its_attempts_are_used_up()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/status/{tag}/503");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var accepted = await client.InvokeAsync(name, new { environment = "Test", retry = new { attempts = 2, backoffSeconds = 0 } }, query: "?mode=async");

        var status = await client.WaitForJobAsync(Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString()));
        status["state"]!.ToString().ShouldBe("failed");
        status["attempts"]!.GetValue<int>().ShouldBe(2);
        remote.Hits(tag).ShouldBe(2);
    }

    [Fact]
    public async Task A_callback_that_keeps_failing_is_marked_failed_after_its_last_delivery()
    {
        var tag = Guid.NewGuid().ToString("N");
        var job = new JobRecord
        {
            Id = Guid.NewGuid(),
            State = "succeeded",
            RequestJson = "{}",
            Caller = "tester",
            Attempts = 1,
            CallbackUrl = $"{remote.Url}/callback-down/{tag}",
            CallbackState = "pending",
            CreatedAt = DateTimeOffset.UtcNow,
            CompletedAt = DateTimeOffset.UtcNow,
        };
        await Hub.QueryAsync(db =>
        {
            db.Jobs.Add(job);
            return db.SaveChangesAsync(Cancel);
        });

        // Hangfire retries the delivery (its retry count is in the job's context); without one, this is the last.
        await using (var scope = Hub.Hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CallbackJob>().DeliverAsync(job.Id, null, Cancel);
        }

        remote.Hits(tag).ShouldBe(1);
        (await Hub.QueryAsync(db => db.Jobs.Where(j => j.Id == job.Id).Select(j => j.CallbackState).SingleAsync(Cancel))).ShouldBe("failed");
    }

    [Fact]
    public async Task A_callback_its_hub_never_handed_off_is_delivered_by_the_sweep()
    {
        var tag = Guid.NewGuid().ToString("N");
        // As if the hub stopped after storing the job's end but before handing the callback to Hangfire.
        var lost = FinishedJob(remote.Url + "/callback", DateTimeOffset.UtcNow - CallbackSweep.Grace - TimeSpan.FromMinutes(1));
        // Ended just now: its hub may be about to hand it off, so the sweep leaves it alone.
        var recent = FinishedJob($"{remote.Url}/callback-down/{tag}", DateTimeOffset.UtcNow);
        await Hub.QueryAsync(db =>
        {
            db.Jobs.AddRange(lost, recent);
            return db.SaveChangesAsync(Cancel);
        });

        Hub.Hub.Services.GetRequiredService<IRecurringJobManager>().Trigger(CallbackSweep.RecurringJobId);

        var callback = await remote.NextCallbackAsync(lost.Id, TimeSpan.FromSeconds(60));
        callback["jobId"]!.ToString().ShouldBe(lost.Id.ToString());
        callback["state"]!.ToString().ShouldBe("succeeded");
        await WaitForCallbackStateAsync(Hub.Admin, lost.Id, "delivered");
        await using (var scope = Hub.Hub.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<CallbackSweep>().RunAsync(Cancel)).ShouldBe(0, "delivered callbacks are not handed off again, recent ones not yet");
        }

        (await Hub.QueryAsync(db => db.Jobs.Where(j => j.Id == recent.Id).Select(j => j.CallbackState).SingleAsync(Cancel))).ShouldBe("pending");
        remote.Hits(tag).ShouldBe(0);
    }

    [Fact]
    public async Task An_attempt_run_again_after_a_crash_does_not_invoke_again()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var accepted = await client.InvokeAsync(name, new { environment = "Test" }, query: "?mode=async");
        var jobId = Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString());
        await client.WaitForJobAsync(jobId);

        // As if the hub died after recording attempt 1 but before finishing the job: Hangfire runs the attempt again.
        await Hub.QueryAsync(db => db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, "running").SetProperty(j => j.CompletedAt, (DateTimeOffset?)null), Cancel));
        await using (var scope = Hub.Hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InvocationJob>().RunAttemptAsync(jobId, 1, Cancel);
            await scope.ServiceProvider.GetRequiredService<InvocationJob>().RunAttemptAsync(jobId, 1, Cancel); // and once more, finished
        }

        var job = await Hub.QueryAsync(db => db.Jobs.SingleAsync(j => j.Id == jobId, Cancel));
        job.State.ShouldBe("succeeded");
        job.CompletedAt.ShouldNotBeNull();
        remote.Hits(tag).ShouldBe(1);
        (await Hub.QueryAsync(db => db.Invocations.CountAsync(i => i.JobId == jobId, Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_async_options_are_refused_naming_the_field()
    {
        var name = await Hub.InstallRestAsync(remote, "/hits/x");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        await ExpectInvalidAsync(client.InvokeAsync(name, new { environment = "Test", retry = new { attempts = 11 } }, query: "?mode=async"), "$.retry.attempts");
        await ExpectInvalidAsync(client.InvokeAsync(name, new { environment = "Test", retry = new { attempts = 2, backoffSeconds = 3601 } }, query: "?mode=async"), "$.retry.backoffSeconds");
        await ExpectInvalidAsync(client.InvokeAsync(name, new { environment = "Test", callbackUrl = "ftp://example.com/x" }, query: "?mode=async"), "$.callbackUrl");
        await ExpectInvalidAsync(client.InvokeAsync(name, new { environment = "Test", callbackUrl = "http://example.com/x" }), "$.callbackUrl");
        await ExpectInvalidAsync(client.InvokeAsync(name, new { environment = "Test", callbackUrl = "https://app:secret@example.com/x" }, query: "?mode=async"), "$.callbackUrl");
        await ExpectInvalidAsync(client.InvokeAsync(name, new { environment = "Test" }, query: "?mode=later"), "query.mode");
        var unknown = await client.InvokeAsync(name, new { environment = "Nowhere" }, query: "?mode=async");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Hub.QueryAsync(db => db.Jobs.CountAsync(j => j.RequestJson.Contains("Nowhere"), Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task Job_status_is_for_its_caller_and_history_readers_only()
    {
        var name = await Hub.InstallRestAsync(remote, "/hits/" + Guid.NewGuid().ToString("N"));
        var owner = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var accepted = await owner.InvokeAsync(name, new { environment = "Test" }, query: "?mode=async");
        var jobId = Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString());
        var uri = new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative);

        (await owner.GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Hub.Admin.GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Operator)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Author)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Hub.Client(null).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await owner.GetAsync(new Uri($"/api/v1/jobs/{Guid.NewGuid()}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await owner.WaitForJobAsync(jobId);
    }

    [Fact]
    public async Task Authors_and_operators_may_not_start_jobs()
    {
        var name = await Hub.InstallRestAsync(remote, "/hits/x");
        foreach (var role in new[] { Roles.Author, Roles.Operator })
        {
            var response = await Hub.Client(await Hub.CreateKeyAsync(role)).InvokeAsync(name, new { environment = "Test" }, query: "?mode=async");
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }
    }

    private static JobRecord FinishedJob(string callbackUrl, DateTimeOffset completedAt) => new()
    {
        Id = Guid.NewGuid(),
        State = "succeeded",
        RequestJson = "{}",
        Caller = "tester",
        Attempts = 1,
        CallbackUrl = callbackUrl,
        CallbackState = "pending",
        CreatedAt = completedAt - TimeSpan.FromSeconds(1),
        CompletedAt = completedAt,
    };

    private static async Task ExpectInvalidAsync(Task<HttpResponseMessage> call, string field)
    {
        var response = await call;
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain(field);
    }

    /// <summary>The callback's state is stored right after the delivery the remote saw: poll briefly for it.</summary>
    private static async Task WaitForCallbackStateAsync(HttpClient client, Guid jobId, string state)
    {
        for (var i = 0; i < 100; i++)
        {
            var status = await client.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative), Cancel);
            if (status!["callbackState"]?.ToString() == state)
            {
                return;
            }

            await Task.Delay(50, Cancel);
        }

        throw new TimeoutException($"The callback of job {jobId} never became {state}.");
    }
}

public sealed class SqliteAsyncJobTests(SqliteHub hub, RemoteApi remote) : AsyncJobTests(hub, remote), IClassFixture<SqliteHub>, IClassFixture<RemoteApi>;

public sealed class PostgresAsyncJobTests(PostgresHub hub, RemoteApi remote) : AsyncJobTests(hub, remote), IClassFixture<PostgresHub>, IClassFixture<RemoteApi>;
