using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

public abstract class HistoryTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task The_history_is_filtered_and_paged_newest_first_with_a_total()
    {
        var connector = "Hist " + Guid.NewGuid().ToString("N")[..8];
        var jobId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(
            Row(connector, "a", "Test", true, "Succeeded", now.AddMinutes(-5)),
            Row(connector, "a", "Test", false, "RemoteHttpError", now.AddMinutes(-4)),
            Row(connector, "b", "Production", true, "Succeeded", now.AddMinutes(-3), caller: "someone"),
            Row(connector, "a", "Test", false, "Timeout", now.AddMinutes(-2), jobId: jobId),
            Row(connector, "a", "Test", true, "Succeeded", now.AddMinutes(-1)));
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Operator));
        var c = Uri.EscapeDataString(connector.ToUpperInvariant());

        var all = await ListAsync(client, $"connector={c}");
        all["total"]!.GetValue<int>().ShouldBe(5);
        Times(all).ShouldBe(Times(all).OrderDescending().ToList()); // newest first

        (await ListAsync(client, $"connector={c}&status=failed"))["total"]!.GetValue<int>().ShouldBe(2);
        (await ListAsync(client, $"connector={c}&status=succeeded&environment=test"))["total"]!.GetValue<int>().ShouldBe(2);
        (await ListAsync(client, $"connector={c}&action=b"))["total"]!.GetValue<int>().ShouldBe(1);
        (await ListAsync(client, $"connector={c}&outcome=timeout"))["total"]!.GetValue<int>().ShouldBe(1);
        (await ListAsync(client, $"connector={c}&caller=someone"))["total"]!.GetValue<int>().ShouldBe(1);
        (await ListAsync(client, $"jobId={jobId}"))["total"]!.GetValue<int>().ShouldBe(1);
        var from = Uri.EscapeDataString(now.AddMinutes(-3.5).ToString("O"));
        var to = Uri.EscapeDataString(now.AddMinutes(-1.5).ToString("O"));
        (await ListAsync(client, $"connector={c}&from={from}&to={to}"))["total"]!.GetValue<int>().ShouldBe(2);

        var page2 = await ListAsync(client, $"connector={c}&pageSize=2&page=2");
        page2["total"]!.GetValue<int>().ShouldBe(5);
        page2["items"]!.AsArray().Count.ShouldBe(2);
        Times(page2).ShouldBe(Times(all).Skip(2).Take(2).ToList());
        (await ListAsync(client, $"connector={c}&pageSize=2&page=4"))["items"]!.AsArray().Count.ShouldBe(0);
    }

    [Theory]
    [InlineData("status=maybe", "query.status")]
    [InlineData("outcome=Exploded", "query.outcome")]
    [InlineData("from=yesterday", "query.from")]
    [InlineData("to=2026-13-45", "query.to")]
    [InlineData("jobId=42", "query.jobId")]
    [InlineData("page=0", "query.page")]
    [InlineData("pageSize=201", "query.pageSize")]
    [InlineData("pageSize=0", "query.pageSize")]
    [InlineData("page=2147483647", "query.page")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "query.from")]
    public async Task A_bad_filter_is_refused_naming_the_parameter(string query, string field)
    {
        var response = await Hub.Admin.GetAsync(new Uri("/api/v1/invocations?" + query, UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain(field);
    }

    [Fact]
    public async Task One_invocation_is_shown_with_its_payloads_to_history_readers_and_its_own_caller()
    {
        var ownerName = "owner-" + Guid.NewGuid().ToString("N")[..6];
        var owner = await Hub.CreateKeyAsync(Roles.Invoker, name: ownerName);
        var row = Row("Shown", "a", "Test", true, "Succeeded", DateTimeOffset.UtcNow, caller: ownerName);
        row.InputsJson = """{"who":"Ada"}""";
        row.EnvelopeJson = """{"success":true}""";
        row.LogsJson = """[{"level":"info","text":"hi"}]""";
        await InsertAsync(row);
        var uri = new Uri($"/api/v1/invocations/{row.Id}", UriKind.Relative);

        var detail = (await Hub.Client(await Hub.CreateKeyAsync(Roles.Operator)).GetFromJsonAsync<JsonObject>(uri, Cancel))!;
        detail["connector"]!.ToString().ShouldBe("Shown");
        detail["inputs"]!["who"]!.ToString().ShouldBe("Ada");
        detail["envelope"]!["success"]!.GetValue<bool>().ShouldBeTrue();
        detail["logs"]!.AsArray().Count.ShouldBe(1);

        (await Hub.Client(owner).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Hub.Admin.GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Author)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Hub.Admin.GetAsync(new Uri($"/api/v1/invocations/{Guid.NewGuid()}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_is_for_admins_and_operators_only()
    {
        var uri = new Uri("/api/v1/invocations", UriKind.Relative);
        (await Hub.Admin.GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Operator)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Author)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker)).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Hub.Client(null).GetAsync(uri, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_purge_deletes_what_is_older_than_the_retention_and_keeps_the_rest()
    {
        var now = DateTimeOffset.UtcNow;
        var old = Row("Purged", "a", "Test", true, "Succeeded", now.AddDays(-31));
        var recent = Row("Purged", "a", "Test", true, "Succeeded", now.AddDays(-29));
        await InsertAsync(old, recent);
        var oldJob = Job(JobStates.Succeeded, now.AddDays(-40), now.AddDays(-40));
        var runningJob = Job(JobStates.Running, now.AddDays(-40), null);
        var recentJob = Job(JobStates.Failed, now.AddDays(-1), now.AddDays(-1));
        var oldKey = new IdempotencyRecord { Key = "purge:" + Guid.NewGuid(), RequestHash = "x", CreatedAt = now.AddHours(-25) };
        var freshKey = new IdempotencyRecord { Key = "purge:" + Guid.NewGuid(), RequestHash = "x", CreatedAt = now.AddHours(-1) };
        await Hub.QueryAsync(async db =>
        {
            db.Jobs.AddRange(oldJob, runningJob, recentJob);
            db.IdempotencyKeys.AddRange(oldKey, freshKey);
            (await db.PlatformSettings.SingleAsync(Cancel)).RetentionDays = 30;
            return await db.SaveChangesAsync(Cancel);
        });

        await using (var scope = Hub.Hub.Services.CreateAsyncScope())
        {
            var counts = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(Cancel);
            counts.Invocations.ShouldBeGreaterThanOrEqualTo(1);
        }

        var left = await Hub.QueryAsync(async db => (
            Invocations: await db.Invocations.Where(i => i.Id == old.Id || i.Id == recent.Id).Select(i => i.Id).ToListAsync(Cancel),
            Jobs: await db.Jobs.Where(j => j.Id == oldJob.Id || j.Id == runningJob.Id || j.Id == recentJob.Id).Select(j => j.Id).ToListAsync(Cancel),
            Keys: await db.IdempotencyKeys.Where(k => k.Key == oldKey.Key || k.Key == freshKey.Key).Select(k => k.Key).ToListAsync(Cancel)));
        left.Invocations.ShouldBe([recent.Id]);
        left.Jobs.ShouldBe([runningJob.Id, recentJob.Id], ignoreOrder: true);
        left.Keys.ShouldBe([freshKey.Key]);
    }

    private static List<DateTimeOffset> Times(JsonObject page) =>
        [.. page["items"]!.AsArray().Select(i => i!["startedAt"]!.GetValue<DateTimeOffset>())];

    private static async Task<JsonObject> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri("/api/v1/invocations?" + query, UriKind.Relative), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    private Task InsertAsync(params InvocationRecord[] rows) =>
        Hub.QueryAsync(db =>
        {
            db.Invocations.AddRange(rows);
            return db.SaveChangesAsync(Cancel);
        });

    private static InvocationRecord Row(string connector, string action, string environment, bool success, string outcome, DateTimeOffset startedAt, string caller = "tester", Guid? jobId = null) => new()
    {
        Id = Guid.NewGuid(),
        ConnectorName = connector,
        Major = 1,
        Version = "1.0.0",
        Action = action,
        Environment = environment,
        Mode = jobId is null ? "sync" : "async",
        Caller = caller,
        StartedAt = startedAt,
        DurationMilliseconds = 12,
        Outcome = outcome,
        Success = success,
        StatusCode = success ? 200 : 500,
        JobId = jobId,
    };

    private static JobRecord Job(string state, DateTimeOffset createdAt, DateTimeOffset? completedAt) => new()
    {
        Id = Guid.NewGuid(),
        State = state,
        RequestJson = "{}",
        Caller = "tester",
        CreatedAt = createdAt,
        CompletedAt = completedAt,
    };
}

public sealed class SqliteHistoryTests(SqliteHub hub) : HistoryTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresHistoryTests(PostgresHub hub) : HistoryTests(hub), IClassFixture<PostgresHub>;
