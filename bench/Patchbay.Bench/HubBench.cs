using Npgsql;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Bench;

/// <summary>
/// The same trivial action invoked through the Runtime API and through the hub's HTTP API (sync invoke, a hub
/// started in this process with the rate limit and logging off) at the same concurrencies: on SQLite, and also
/// on PostgreSQL when <c>PATCHBAY_BENCH_POSTGRES</c> names a server.
/// </summary>
internal static class HubBench
{
    public static async Task<List<Measurement>> RunAsync(ConnectorRuntime runtime, ConnectorPackage trivial, string work, int calls, int[] concurrencies)
    {
        var rows = new List<Measurement>();
        var request = new InvocationRequest { Connector = trivial, Action = "act" };
        foreach (var c in concurrencies)
        {
            rows.Add(await Measurement.RunAsync("Runtime API, trivial action", c, calls, async () =>
            {
                var result = await runtime.InvokeAsync(request, CancellationToken.None);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(result.FailureMessage);
                }
            }));
        }

        rows.AddRange(await MeasureHubAsync("SQLite", new HubOptions { DataFolder = Path.Combine(work, "hub") }, trivial, calls, concurrencies));
        if (Environment.GetEnvironmentVariable("PATCHBAY_BENCH_POSTGRES") is { Length: > 0 } server)
        {
            // The same on a fresh database of that PostgreSQL server (a connection string allowed to create databases).
            var database = "pbbench_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
            try
            {
                var postgres = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
                rows.AddRange(await MeasureHubAsync("PostgreSQL", new HubOptions { DataFolder = Path.Combine(work, "hub-pg"), PostgresConnectionString = postgres }, trivial, calls, concurrencies));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }

        return rows;
    }

    private static async Task<List<Measurement>> MeasureHubAsync(string engine, HubOptions options, ConnectorPackage trivial, int calls, int[] concurrencies)
    {
        var rows = new List<Measurement>();
        await using var hub = await BenchHub.StartAsync(options, trivial);
        var unknown = new Uri("/api/v1/no-such-endpoint", UriKind.Relative);
        rows.Add(await Measurement.RunAsync($"Hub HTTP API ({engine}), authenticated 404 (HTTP + key check, no invocation)", 1, calls, async () =>
        {
            using var response = await hub.Http.GetAsync(unknown);
            await response.Content.ReadAsStringAsync();
        }));
        foreach (var c in concurrencies)
        {
            rows.Add(await hub.MeasureInvokeAsync($"Hub HTTP API ({engine}), same action (sync invoke)", c, calls));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static void Print(List<Measurement> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| scenario | concurrency | calls/s | p50 µs | p99 µs |");
        Console.WriteLine("|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        foreach (var hub in rows.Where(r => r.Scenario.Contains("same action", StringComparison.Ordinal)))
        {
            var runtime = rows.First(r => r.Concurrency == hub.Concurrency && r.Scenario.StartsWith("Runtime", StringComparison.Ordinal));
            Console.WriteLine($"{hub.Scenario[..hub.Scenario.IndexOf(',', StringComparison.Ordinal)]}, concurrency {hub.Concurrency}: {hub.CallsPerSecond / runtime.CallsPerSecond:P0} of the Runtime API's throughput; p50 {hub.P50Microseconds / runtime.P50Microseconds:0.0}x, p99 {hub.P99Microseconds / runtime.P99Microseconds:0.0}x");
        }
    }
}
