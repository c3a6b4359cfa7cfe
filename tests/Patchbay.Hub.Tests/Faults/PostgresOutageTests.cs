using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Tests.Invocations;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// The hub's PostgreSQL server killed (immediate shutdown) while a sync invocation and an async job are in the
/// middle of their work, then started again: while it is down the hub answers 503 problems and reports itself
/// unready, without stopping; once it is back the hub serves again, the job succeeds once, and nothing is lost.
/// The server is a private one (<see cref="PrivatePostgres"/>), so killing it disturbs no other test.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "Postgres")]
public sealed class PostgresOutageTests(SideEffects remote) : IClassFixture<SideEffects>, IDisposable
{
    private const string Secret = "outage-secret";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("patchbay-outage-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_its_database_is_down_the_hub_answers_503_and_afterwards_recovers_and_finishes_its_job_once()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using var hub = await FaultHub.StartAsync(_dataFolder, server.ConnectionString("patchbay"));
        var name = await hub.Admin.InstallAsync(remote, Secret);
        var before = await hub.Admin.InvokeOkAsync(remote, name);
        var syncTag = FaultConnector.NewTag();
        var jobTag = FaultConnector.NewTag();
        var sync = hub.Admin.InvokeAsync(name, new { environment = FaultConnector.Environment, inputs = new { tag = syncTag } });
        var jobId = await hub.Admin.AcceptAsync(name, FaultConnector.Body(jobTag));
        await remote.WaitForDeliveriesAsync(syncTag, 1);
        await remote.WaitForDeliveriesAsync(jobTag, 1);

        await server.KillAsync();
        remote.Release(syncTag); // the call ends while the database is down: its record cannot be saved
        remote.Release(jobTag);

        using (var answer = await sync)
        {
            (await answer.ProblemDetailAsync(HttpStatusCode.ServiceUnavailable)).ShouldContain("database is unavailable");
        }

        using (var ready = await hub.Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await ready.Content.ReadAsStringAsync(Cancel)).ShouldContain("Unhealthy");
        }

        (await hub.Anonymous.GetAsync(new Uri("/health/live", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var list = await hub.Admin.GetAsync(new Uri("/api/v1/connectors", UriKind.Relative), Cancel))
        {
            (await list.ProblemDetailAsync(HttpStatusCode.ServiceUnavailable)).ShouldContain("database is unavailable");
        }

        using (var invoke = await hub.Admin.InvokeAsync(name, new { environment = FaultConnector.Environment, inputs = new { tag = FaultConnector.NewTag() } }))
        {
            (await invoke.ProblemDetailAsync(HttpStatusCode.ServiceUnavailable)).ShouldContain("database is unavailable");
        }

        // A browser asking for a page of the UI gets the same answer as a page for people; the API asked for HTML does not.
        using (var page = await hub.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("/connectors", UriKind.Relative)) { Headers = { { "Accept", "text/html" } } }, Cancel))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            page.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain("The hub&#x27;s PostgreSQL database is unavailable; nothing was stored.");
        }

        using (var list = await hub.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/connectors", UriKind.Relative)) { Headers = { { "Accept", "text/html" } } }, Cancel))
        {
            (await list.ProblemDetailAsync(HttpStatusCode.ServiceUnavailable)).ShouldContain("database is unavailable");
        }

        // The job's attempt ended while the database was down: it must not be lost, nor failed for the database's sake.
        await Eventually.TrueAsync(() => Task.FromResult(hub.Logs.All.Contains(jobId.ToString(), StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the job's attempt to meet the outage");

        await server.StartAgainAsync();

        await Eventually.TrueAsync(
            async () => (await hub.Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the hub to be ready again");
        // Hangfire's retries of the attempt back off (1 s, 2 s, 5 s, ...) while connections broken by the outage are discarded.
        var status = await Eventually.ValueAsync(
            async () => await hub.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative), Cancel) is { } s && s["state"]!.ToString() is "succeeded" or "failed" ? s : null,
            TimeSpan.FromSeconds(120),
            "the job to end after the outage");
        status["state"]!.ToString().ShouldBe("succeeded", status.ToJsonString());
        (await hub.Admin.JobInvocationsAsync(jobId)).ShouldBe([(1, "Succeeded")]);
        remote.Effects(jobTag).ShouldBe(1);
        remote.Deliveries(jobTag).ShouldAllBe(d => d.Secret == Secret);
        (await hub.Admin.GetAsync(new Uri($"/api/v1/invocations/{before}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await hub.Admin.InvokeOkAsync(remote, name);
        hub.Logs.Lines.ShouldNotContain(l => l.StartsWith("Critical", StringComparison.Ordinal));
    }

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
