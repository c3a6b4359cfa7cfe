using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

public abstract class HealthTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task Live_answers_without_a_key()
    {
        var response = await Hub.Client(null).GetAsync(new Uri("/health/live", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_checks_the_database_and_node_without_a_key()
    {
        var response = await Hub.Client(null).GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        body["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
        body["checks"]!["node"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_health_probe_with_a_bad_key_is_still_answered()
    {
        var response = await Hub.Client("pb_00000000_not-a-real-key").GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SqliteHealthTests(SqliteHub hub) : HealthTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresHealthTests(PostgresHub hub) : HealthTests(hub), IClassFixture<PostgresHub>;
