using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;
using static Patchbay.Hub.Tests.Configuration.ConfigTestConnector;

namespace Patchbay.Hub.Tests.Configuration;

public abstract class EnvironmentApiTests(HubFixture hub) : HubTests(hub)
{
    private static readonly Uri Environments = new("/api/v1/environments", UriKind.Relative);

    [Fact]
    public async Task An_added_environment_is_listed_configurable_and_deleted_with_its_configuration()
    {
        var operatorClient = Hub.Client(await Hub.CreateKeyAsync(Roles.Operator));
        var environment = "Staging " + Guid.NewGuid().ToString("N")[..6];
        var connector = await InstallAsync(Hub);

        var created = await operatorClient.PostAsJsonAsync(Environments, new { name = environment, description = "pre-production" }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        (await NamesAsync(operatorClient)).ShouldContain(environment);
        (await operatorClient.PutAsJsonAsync(ConfigUri(connector, environment), new { connectorParameters = new { greeting = "Hi" } }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = environment.ToLowerInvariant();
        (await Hub.QueryAsync(db => db.ConnectorConfigs.CountAsync(c => c.EnvironmentKey == key, Cancel))).ShouldBe(1);

        var deleted = await operatorClient.DeleteAsync(new Uri($"/api/v1/environments/{Uri.EscapeDataString(environment.ToUpperInvariant())}", UriKind.Relative), Cancel);

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await NamesAsync(operatorClient)).ShouldNotContain(environment);
        (await Hub.QueryAsync(db => db.ConnectorConfigs.CountAsync(c => c.EnvironmentKey == key, Cancel))).ShouldBe(0);
        (await Hub.QueryAsync(db => db.ParameterValues.CountAsync(v => !db.ConnectorConfigs.Any(c => c.Id == v.ConfigId), Cancel))).ShouldBe(0);
        var audit = await Hub.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Target == environment).Select(a => a.Action).ToListAsync(Cancel));
        audit.ShouldBe(["environment.create", "environment.delete"], ignoreOrder: true);
    }

    [Fact]
    public async Task Duplicate_and_invalid_names_are_refused_and_nothing_is_added()
    {
        var before = await Hub.QueryAsync(db => db.Environments.CountAsync(Cancel));

        (await Hub.Admin.PostAsJsonAsync(Environments, new { name = "production" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        foreach (var name in new[] { "", "bad/name", new string('a', 51), " padded", "emoji ✓" })
        {
            var response = await Hub.Admin.PostAsJsonAsync(Environments, new { name }, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("$.name");
        }

        var missing = await Hub.Admin.PostAsJsonAsync(Environments, new { description = "no name" }, Cancel);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Hub.QueryAsync(db => db.Environments.CountAsync(Cancel))).ShouldBe(before);
    }

    [Fact]
    public async Task Built_in_environments_cannot_be_deleted_and_unknown_ones_are_not_found()
    {
        foreach (var builtIn in new[] { "Development", "test", "PRODUCTION" })
        {
            var response = await Hub.Admin.DeleteAsync(new Uri($"/api/v1/environments/{builtIn}", UriKind.Relative), Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, builtIn);
            (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("built-in");
        }

        (await Hub.Admin.DeleteAsync(new Uri("/api/v1/environments/nowhere", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await NamesAsync(Hub.Admin)).ShouldContain("Production");
    }

    [Fact]
    public async Task Operators_and_admins_manage_environments_authors_only_list_and_invokers_may_not()
    {
        foreach (var role in new[] { Roles.Operator, Roles.Admin })
        {
            var client = Hub.Client(await Hub.CreateKeyAsync(role));
            var name = $"By {role} {Guid.NewGuid().ToString("N")[..4]}";
            (await client.PostAsJsonAsync(Environments, new { name }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Created, role);
            (await client.DeleteAsync(new Uri($"/api/v1/environments/{Uri.EscapeDataString(name)}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent, role);
        }

        var author = Hub.Client(await Hub.CreateKeyAsync(Roles.Author));
        (await author.GetAsync(Environments, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await author.PostAsJsonAsync(Environments, new { name = "By author" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await author.DeleteAsync(new Uri("/api/v1/environments/Test", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var invoker = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        (await invoker.GetAsync(Environments, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await invoker.PostAsJsonAsync(Environments, new { name = "By invoker" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<List<string>> NamesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonArray>(Environments, Cancel))!.Select(e => e!["name"]!.GetValue<string>())];
}

public sealed class SqliteEnvironmentApiTests(SqliteHub hub) : EnvironmentApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresEnvironmentApiTests(PostgresHub hub) : EnvironmentApiTests(hub), IClassFixture<PostgresHub>;
