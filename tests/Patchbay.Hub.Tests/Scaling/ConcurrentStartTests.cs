using System.Net;
using Npgsql;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Scaling;

/// <summary>
/// Two hubs started at the same moment on a fresh PostgreSQL database: both migrate the hub's tables, create
/// Hangfire's schema and seed the first rows at once, and both must come up healthy with their job servers.
/// </summary>
public sealed class ConcurrentStartTests : ScaleOutTestClass
{
    /// <summary>A race does not show every time: a few fresh databases make a lost one unlikely to pass.</summary>
    private const int Rounds = 3;

    [Fact]
    public async Task Two_hubs_starting_together_on_a_fresh_database_both_come_up_healthy()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var database = "pbstart_" + Guid.NewGuid().ToString("N");
            var connectionString = await PostgresHub.CreateDatabaseAsync(database);
            var adminKey = ApiKeys.Generate().Key;
            var starts = new[] { HubProcess.StartAsync(connectionString, adminKey, [], Cancel), HubProcess.StartAsync(connectionString, adminKey, [], Cancel) };
            try
            {
                var hubs = await Task.WhenAll(starts);
                foreach (var hub in hubs)
                {
                    using var client = hub.Client(adminKey);
                    using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);
                    ready.StatusCode.ShouldBe(HttpStatusCode.OK, $"round {round}: {await ready.Content.ReadAsStringAsync(Cancel)}\n{hub.Output}");
                    using var keys = await client.GetAsync(new Uri("/api/v1/keys", UriKind.Relative), Cancel);
                    keys.StatusCode.ShouldBe(HttpStatusCode.OK, $"round {round}: the admin key works on each hub\n{hub.Output}");
                    Failures(hub.Output).ShouldBeEmpty($"round {round}: no step of the start failed, not even one that was caught and passed over\n{hub.Output}");
                }

                (await CountAsync(connectionString, "SELECT count(*) FROM hangfire.server")).ShouldBe(2, $"round {round}: both job servers registered");
                (await CountAsync(connectionString, "SELECT count(*) FROM environments")).ShouldBe(3, $"round {round}: the first rows were seeded once");
            }
            finally
            {
                foreach (var start in starts)
                {
                    if (start.IsCompletedSuccessfully)
                    {
                        await (await start).DisposeAsync();
                    }
                }

                await PostgresHub.DropDatabaseAsync(database);
            }
        }
    }

    /// <summary>
    /// The error lines of a hub's log, but for EF Core's read of a migration history table that does not exist
    /// yet: the Npgsql provider logs it on every first start of a new database, with or without a second hub.
    /// </summary>
    private static List<string> Failures(string output) =>
        [.. output.Split('\n').Where(line => line.StartsWith("fail:", StringComparison.Ordinal) && !line.Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal))];

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
