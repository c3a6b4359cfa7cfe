using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
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
        var adminKey = ApiKeys.Generate().Key;
        await using var hub = await HubApp.StartAsync(
            options with { Urls = "http://127.0.0.1:0", AdminKey = adminKey, RateLimitPerSecond = 0 },
            _ => { }, // no log provider: the figure is the API's, not the console's
            CancellationToken.None);
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(trivial, new Caller(Guid.NewGuid(), "bench", Roles.Admin, null), CancellationToken.None);
        }

        // One client for every caller, as a calling service would have; the handler opens a connection per concurrent request.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = hub.Addresses[0] };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var unknown = new Uri("/api/v1/no-such-endpoint", UriKind.Relative);
        rows.Add(await Measurement.RunAsync($"Hub HTTP API ({engine}), authenticated 404 (HTTP + key check, no invocation)", 1, calls, async () =>
        {
            using var response = await http.GetAsync(unknown);
            await response.Content.ReadAsStringAsync();
        }));
        var invoke = new Uri($"/api/v1/connectors/{trivial.Definition.Name}/versions/1/actions/act/invoke", UriKind.Relative);
        var body = new { environment = "Test", inputs = new { } };
        foreach (var c in concurrencies)
        {
            rows.Add(await Measurement.RunAsync($"Hub HTTP API ({engine}), same action (sync invoke)", c, calls, async () =>
            {
                using var response = await http.PostAsJsonAsync(invoke, body);
                var answer = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || !answer.Contains("\"success\":true", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {answer}");
                }
            }));
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
