using System.Net;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

public abstract class IdempotencyTests(HubFixture hub, RemoteApi remote) : HubTests(hub)
{
    [Fact]
    public async Task A_repeated_sync_request_returns_the_first_answer_without_invoking_again()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var first = await client.InvokeAsync(name, new { environment = "Test" }, "key-1");
        var second = await client.InvokeAsync(name, new { environment = "Test" }, "key-1");

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Cancel));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        var (a, b) = (await first.JsonAsync(), await second.JsonAsync());
        b["invocationId"]!.ToString().ShouldBe(a["invocationId"]!.ToString());
        b["success"]!.GetValue<bool>().ShouldBeTrue();
        b["envelope"]!.ToJsonString().ShouldBe(a["envelope"]!.ToJsonString());
        remote.Hits(tag).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_duplicates_invoke_once_and_all_get_the_same_answer()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}?delayMs=500");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.InvokeAsync(name, new { environment = "Test" }, "same")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync())["invocationId"]!.ToString()));
        ids.Distinct().Count().ShouldBe(1);
        responses.Count(r => r.Headers.Contains("Idempotent-Replayed")).ShouldBe(4);
        remote.Hits(tag).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_with_422_and_runs_nothing()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        (await client.InvokeAsync(name, new { environment = "Test" }, "k")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var other = await client.InvokeAsync(name, new { environment = "Development" }, "k");

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableContent);
        (await other.Content.ReadAsStringAsync(Cancel)).ShouldContain("Idempotency-Key");
        remote.Hits(tag).ShouldBe(1);
    }

    [Fact]
    public async Task Keys_belong_to_one_api_key_and_a_refused_request_does_not_keep_its_key()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}");
        var one = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var two = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        (await one.InvokeAsync(name, new { environment = "Test" }, "shared")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fromTwo = await two.InvokeAsync(name, new { environment = "Test" }, "shared");
        fromTwo.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        remote.Hits(tag).ShouldBe(2);

        (await one.InvokeAsync(name, new { environment = "Nowhere" }, "refused")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Hub.QueryAsync(db => db.IdempotencyKeys.CountAsync(k => k.Key.EndsWith(":refused"), Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_that_is_empty_or_too_long_is_refused_naming_the_header()
    {
        var name = await Hub.InstallRestAsync(remote, "/hits/x");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var response = await client.InvokeAsync(name, new { environment = "Test" }, new string('k', 201));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("header.Idempotency-Key");
    }

    [Fact]
    public async Task A_repeated_async_request_returns_the_same_job_and_invokes_once()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var first = await client.InvokeAsync(name, new { environment = "Test" }, "job-key", "?mode=async");
        var second = await client.InvokeAsync(name, new { environment = "Test" }, "job-key", "?mode=async");

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync(Cancel));
        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        var jobId = Guid.Parse((await first.JsonAsync())["jobId"]!.ToString());
        (await second.JsonAsync())["jobId"]!.ToString().ShouldBe(jobId.ToString());
        (await client.WaitForJobAsync(jobId))["state"]!.ToString().ShouldBe("succeeded");
        remote.Hits(tag).ShouldBe(1);
        (await Hub.QueryAsync(db => db.Jobs.CountAsync(j => j.Id == jobId, Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_async_duplicates_create_one_job()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.InvokeAsync(name, new { environment = "Test" }, "burst", "?mode=async")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted);
        var jobIds = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync())["jobId"]!.ToString()));
        jobIds.Distinct().Count().ShouldBe(1);
        (await client.WaitForJobAsync(Guid.Parse(jobIds[0])))["state"]!.ToString().ShouldBe("succeeded");
        remote.Hits(tag).ShouldBe(1);
        (await Hub.QueryAsync(db => db.Jobs.CountAsync(j => j.RequestJson.Contains(name), Cancel))).ShouldBe(1);
    }
}

public sealed class SqliteIdempotencyTests(SqliteHub hub, RemoteApi remote) : IdempotencyTests(hub, remote), IClassFixture<SqliteHub>, IClassFixture<RemoteApi>;

public sealed class PostgresIdempotencyTests(PostgresHub hub, RemoteApi remote) : IdempotencyTests(hub, remote), IClassFixture<PostgresHub>, IClassFixture<RemoteApi>;
