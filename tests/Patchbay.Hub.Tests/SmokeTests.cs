using System.Net;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests;

public abstract class StartupTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task The_api_refuses_a_caller_without_a_key()
    {
        var response = await Hub.Client(null).GetAsync(new Uri("/api/v1/connectors", UriKind.Relative), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("API key is required");
    }

    [Fact]
    public async Task The_database_is_migrated_and_seeded()
    {
        var environments = await Hub.QueryAsync(db => Task.FromResult(db.Environments.Select(e => e.Name).OrderBy(n => n).ToList()));
        environments.ShouldBe(["Development", "Production", "Test"]);
    }
}

public sealed class SqliteStartupTests(SqliteHub hub) : StartupTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresStartupTests(PostgresHub hub) : StartupTests(hub), IClassFixture<PostgresHub>;
