using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;
using static Patchbay.Hub.Tests.Invocations.Connectors;

namespace Patchbay.Hub.Tests.Operations;

/// <summary>A SQLite hub that runs two invocations at once and queues two more.</summary>
public sealed class AdmissionHub : HubFixture
{
    public const int Concurrency = 2;
    public const int Queue = 2;

    public override string Engine => "sqlite";

    protected override Task<HubOptions> ConfigureAsync(HubOptions options) =>
        Task.FromResult(options with { InvocationConcurrency = Concurrency, InvocationQueueLimit = Queue });
}

public sealed class AdmissionTests(AdmissionHub hub, RemoteApi remote) : HubTests(hub), IClassFixture<AdmissionHub>, IClassFixture<RemoteApi>
{
    private const int Callers = 8;

    private static readonly object Body = new { environment = "Test", inputs = new { } };

    [Fact]
    public async Task Callers_beyond_the_running_and_queued_invocations_get_503_with_retry_after_and_every_accepted_one_runs_and_is_recorded()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}?delayMs=3000"); // slow enough that all callers arrive while the first run
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        var responses = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => client.InvokeAsync(name, Body)));

        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        accepted.Count.ShouldBe(AdmissionHub.Concurrency + AdmissionHub.Queue);
        refused.Count.ShouldBe(Callers - accepted.Count);
        foreach (var response in refused)
        {
            response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.JsonAsync())["status"]!.GetValue<int>().ShouldBe(503);
        }

        var ids = new List<Guid>();
        foreach (var response in accepted)
        {
            var answer = await response.JsonAsync();
            answer["success"]!.GetValue<bool>().ShouldBeTrue();
            ids.Add(Guid.Parse(answer["invocationId"]!.GetValue<string>()));
        }

        remote.Hits(tag).ShouldBe(accepted.Count, "a refused invocation never runs");
        var recorded = await Hub.QueryAsync(db => db.Invocations.Where(i => i.ConnectorName == name).Select(i => i.Id).ToListAsync(Cancel));
        recorded.ShouldBe(ids, ignoreOrder: true);
    }

    [Fact]
    public async Task A_queued_invocation_whose_caller_gives_up_leaves_the_queue_and_never_runs()
    {
        var tag = Guid.NewGuid().ToString("N");
        var name = await Hub.InstallRestAsync(remote, $"/hits/{tag}?delayMs=3000");
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var running = Enumerable.Range(0, AdmissionHub.Concurrency).Select(_ => client.InvokeAsync(name, Body)).ToList();
        await UntilAsync(() => remote.Hits(tag) == AdmissionHub.Concurrency);

        using (var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            var queued = Enumerable.Range(0, AdmissionHub.Queue).Select(_ => client.PostAsJsonAsync(InvokeUri(name), Body, giveUp.Token)).ToList();
            await Task.Delay(300, Cancel);
            await giveUp.CancelAsync();
            foreach (var call in queued)
            {
                await Should.ThrowAsync<TaskCanceledException>(call);
            }
        }

        await Task.Delay(300, Cancel); // the hub sees the connections close
        var later = await Task.WhenAll(Enumerable.Range(0, AdmissionHub.Queue).Select(_ => client.InvokeAsync(name, Body)));

        later.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK, "the places of the callers that gave up are free again");
        (await Task.WhenAll(running)).Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK);
        remote.Hits(tag).ShouldBe(AdmissionHub.Concurrency + AdmissionHub.Queue, "the invocations given up while queued never ran");
    }

    [Fact]
    public async Task The_invoke_operation_documents_the_503_and_other_operations_do_not()
    {
        var document = OpenApiDocument.Parse(await Hub.Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel), "json").Document!;

        var withServiceUnavailable = document.Paths
            .SelectMany(p => p.Value.Operations!.Where(o => o.Value.Responses!.ContainsKey("503")).Select(o => o.Key.Method + " " + p.Key))
            .ToList();

        withServiceUnavailable.ShouldBe(["POST /api/v1/connectors/{name}/versions/{major}/actions/{action}/invoke"]);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the condition did not become true within 10 s");
            await Task.Delay(20, Cancel);
        }
    }
}
