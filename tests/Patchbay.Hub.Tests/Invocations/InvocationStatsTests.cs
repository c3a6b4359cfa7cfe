using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

public abstract class InvocationStatsTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task A_window_counts_per_bucket_with_the_success_rate_and_latency_percentiles()
    {
        var connector = "Stats " + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var rows = Enumerable.Range(1, 10)
            .Select(n => Row(connector, now.AddMinutes(-n * 3), durationMs: n * 10, success: n > 3))
            .Append(Row(connector, now.AddHours(-2), durationMs: 5000, success: true))
            .ToArray();
        await Hub.QueryAsync(db =>
        {
            db.Invocations.AddRange(rows);
            return db.SaveChangesAsync(Cancel);
        });

        var hour = (await ComputeAsync(StatsWindow.Hour)).Connectors.Single(c => c.Connector == connector);
        hour.Invocations.ShouldBe(10);
        hour.Succeeded.ShouldBe(7);
        hour.SuccessRate.ShouldBe(0.7, 1e-9);
        (hour.P50Milliseconds, hour.P95Milliseconds, hour.P99Milliseconds).ShouldBe((50d, 100d, 100d));
        hour.PerBucket.Count.ShouldBe(60);
        hour.PerBucket.Sum().ShouldBe(10);

        var day = await ComputeAsync(StatsWindow.Day);
        day.Buckets.Count.ShouldBe(48);
        day.BucketMinutes.ShouldBe(30);
        day.Connectors.Single(c => c.Connector == connector).Invocations.ShouldBe(11);
        day.Truncated.ShouldBeFalse();
    }

    [Fact]
    public async Task The_api_answers_the_same_report_to_history_readers_and_refuses_an_unknown_window()
    {
        var report = (await Hub.Client(await Hub.CreateKeyAsync(Roles.Operator)).GetFromJsonAsync<JsonObject>(new Uri("/api/v1/stats?window=week", UriKind.Relative), Cancel))!;
        report["window"]!.GetValue<string>().ShouldBe("week");
        report["buckets"]!.AsArray().Count.ShouldBe(28);

        var bad = await Hub.Admin.GetAsync(new Uri("/api/v1/stats?window=month", UriKind.Relative), Cancel);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(Cancel)).ShouldContain("query.window");
        (await Hub.Client(await Hub.CreateKeyAsync(Roles.Author)).GetAsync(new Uri("/api/v1/stats", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(new double[0], 50, 0)]
    [InlineData(new double[] { 7 }, 99, 7)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 75, 3)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 76, 4)]
    public void Percentiles_take_the_nearest_rank(double[] sorted, double percent, double expected) =>
        InvocationStats.Percentile(sorted, percent).ShouldBe(expected);

    private async Task<StatsReport> ComputeAsync(StatsWindow window)
    {
        await using var scope = Hub.Hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvocationStats>().ComputeAsync(window, Cancel);
    }

    private static InvocationRecord Row(string connector, DateTimeOffset startedAt, double durationMs, bool success) => new()
    {
        Id = Guid.NewGuid(),
        ConnectorName = connector,
        Major = 1,
        Version = "1.0.0",
        Action = "a",
        Environment = "Test",
        Mode = "sync",
        Caller = "tester",
        StartedAt = startedAt,
        DurationMilliseconds = durationMs,
        Outcome = success ? "Succeeded" : "RemoteHttpError",
        Success = success,
        StatusCode = success ? 200 : 500,
    };
}

public sealed class SqliteInvocationStatsTests(SqliteHub hub) : InvocationStatsTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresInvocationStatsTests(PostgresHub hub) : InvocationStatsTests(hub), IClassFixture<PostgresHub>;
