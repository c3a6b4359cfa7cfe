using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Operations;

public abstract class AuditApiTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task Changes_are_listed_newest_first_with_a_total()
    {
        var tag = Tag();
        await CreateKeyAsync(tag + "-first");
        await CreateKeyAsync(tag + "-second");
        await RevokeAsync(tag + "-first");

        var page = await QueryAsync($"target={tag}");

        page["total"]!.GetValue<int>().ShouldBe(3);
        var items = page["items"]!.AsArray();
        items.Select(i => (i!["action"]!.GetValue<string>(), i["target"]!.GetValue<string>())).ShouldBe(
            [("key.revoke", tag + "-first"), ("key.create", tag + "-second"), ("key.create", tag + "-first")]);
        items[0]!["actor"]!.GetValue<string>().ShouldBe("admin");
        items[0]!["details"]!["role"]!.GetValue<string>().ShouldBe("author");
        items.Select(i => i!["id"]!.GetValue<long>()).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Filters_narrow_by_actor_action_target_and_time()
    {
        var tag = Tag();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await CreateKeyAsync(tag + "-a");
        await RevokeAsync(tag + "-a");

        (await QueryAsync($"target={tag}&action=key.create"))["total"]!.GetValue<int>().ShouldBe(1);
        (await QueryAsync($"target={tag}&action=key"))["total"]!.GetValue<int>().ShouldBe(2);
        (await QueryAsync($"target={tag}&action=ke"))["total"]!.GetValue<int>().ShouldBe(0);
        (await QueryAsync($"target={tag}&actor=admin"))["total"]!.GetValue<int>().ShouldBe(2);
        (await QueryAsync($"target={tag}&actor=someone-else"))["total"]!.GetValue<int>().ShouldBe(0);
        (await QueryAsync($"target={tag}&from={Uri.EscapeDataString(before.ToString("O"))}"))["total"]!.GetValue<int>().ShouldBe(2);
        (await QueryAsync($"target={tag}&to={Uri.EscapeDataString(before.ToString("O"))}"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Pages_split_the_matches()
    {
        var tag = Tag();
        for (var i = 0; i < 5; i++)
        {
            await CreateKeyAsync($"{tag}-{i}");
        }

        var second = await QueryAsync($"target={tag}&page=2&pageSize=2");

        second["total"]!.GetValue<int>().ShouldBe(5);
        second["page"]!.GetValue<int>().ShouldBe(2);
        second["pageSize"]!.GetValue<int>().ShouldBe(2);
        second["items"]!.AsArray().Select(i => i!["target"]!.GetValue<string>()).ShouldBe([$"{tag}-2", $"{tag}-1"]);
        (await QueryAsync($"target={tag}&page=4&pageSize=2"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("from=yesterday", "query.from")]
    [InlineData("to=2026-13-45", "query.to")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "query.from")]
    [InlineData("pageSize=501", "query.pageSize")]
    [InlineData("pageSize=0", "query.pageSize")]
    [InlineData("page=0", "query.page")]
    [InlineData("page=two", "query.page")]
    [InlineData("page=2147483647", "query.page")]
    public async Task Bad_filters_name_the_query_parameter(string query, string parameter)
    {
        var response = await Hub.Admin.GetAsync(new Uri("/api/v1/audit?" + query, UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ShouldContain(parameter);
    }

    [Theory]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Invoker)]
    public async Task Only_admins_read_the_audit_log(string role)
    {
        var response = await Hub.Client(await Hub.CreateKeyAsync(role)).GetAsync(new Uri("/api/v1/audit", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Hub.Client(null).GetAsync(new Uri("/api/v1/audit", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string Tag() => "audit-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonObject> QueryAsync(string query)
    {
        var response = await Hub.Admin.GetAsync(new Uri("/api/v1/audit?" + query, UriKind.Relative), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    private async Task CreateKeyAsync(string name) =>
        (await Hub.Admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { name, role = "author" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Created);

    private async Task RevokeAsync(string name)
    {
        var keys = JsonNode.Parse(await Hub.Admin.GetStringAsync(new Uri("/api/v1/keys", UriKind.Relative), Cancel))!.AsArray();
        var id = keys.Single(k => k!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        (await Hub.Admin.DeleteAsync(new Uri("/api/v1/keys/" + id, UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

public sealed class SqliteAuditApiTests(SqliteHub hub) : AuditApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresAuditApiTests(PostgresHub hub) : AuditApiTests(hub), IClassFixture<PostgresHub>;
