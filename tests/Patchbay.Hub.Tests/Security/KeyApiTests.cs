using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Security;

public abstract class KeyApiTests(HubFixture hub) : HubTests(hub)
{
    private static readonly Uri Keys = new("/api/v1/keys", UriKind.Relative);

    [Fact]
    public async Task A_created_key_is_shown_once_works_at_once_and_is_audited()
    {
        var name = Unique("ci-invoker");

        var response = await Hub.Admin.PostAsJsonAsync(Keys, new { name, role = "invoker", connectors = new[] { "GitHub", "Jira" } }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var key = created["key"]!.GetValue<string>();
        created["name"]!.GetValue<string>().ShouldBe(name);
        created["role"]!.GetValue<string>().ShouldBe("invoker");
        created["connectors"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["github", "jira"]);
        key.ShouldStartWith(created["prefix"]!.GetValue<string>() + "_");
        (await Hub.Client(key).GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // known, but not an admin

        var stored = await Hub.QueryAsync(db => db.ApiKeys.SingleAsync(k => k.Name == name, Cancel));
        stored.Hash.ShouldBe(ApiKeys.Hash(key));
        stored.CreatedBy.ShouldBe("admin");
        var audit = await Hub.QueryAsync(db => db.Audit.SingleAsync(a => a.Target == name, Cancel));
        audit.Action.ShouldBe("key.create");
        audit.Actor.ShouldBe("admin");
        audit.Details.ShouldNotBeNull().ShouldNotContain(key);
        Hub.Logs.All.ShouldNotContain(key);
    }

    [Fact]
    public async Task A_new_admin_key_can_administer()
    {
        var key = await CreateAsync(Unique("second-admin"), "admin");

        (await Hub.Client(key).GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_list_shows_prefix_role_and_dates_but_never_a_key_or_hash()
    {
        var name = Unique("listed");
        var key = await CreateAsync(name, "operator");

        var text = await Hub.Admin.GetStringAsync(Keys, Cancel);

        var listed = JsonNode.Parse(text)!.AsArray().Single(k => k!["name"]!.GetValue<string>() == name)!;
        listed["role"]!.GetValue<string>().ShouldBe("operator");
        listed["prefix"]!.GetValue<string>().ShouldBe(ApiKeys.PrefixOf(key));
        listed["createdAt"].ShouldNotBeNull();
        listed["revokedAt"].ShouldBeNull();
        text.ShouldNotContain(key);
        text.ShouldNotContain(ApiKeys.Hash(key));
        text.ShouldNotContain("\"hash\"");
        text.ShouldNotContain("\"key\"");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_the_revocation_is_audited()
    {
        var name = Unique("revoked");
        var key = await CreateAsync(name, "author");
        var client = Hub.Client(key);
        (await client.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // cached as valid now
        var id = await IdOfAsync(name);

        (await Hub.Admin.DeleteAsync(KeyUri(id), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var stored = await Hub.QueryAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id, Cancel));
        stored.RevokedAt.ShouldNotBeNull();
        var actions = await Hub.QueryAsync(db => db.Audit.Where(a => a.Target == name).Select(a => a.Action).ToListAsync(Cancel));
        actions.Order().ShouldBe(["key.create", "key.revoke"]);
        (await Hub.Admin.DeleteAsync(KeyUri(id), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent); // idempotent
        (await Hub.QueryAsync(db => db.Audit.CountAsync(a => a.Target == name, Cancel))).ShouldBe(2);
    }

    [Fact]
    public async Task The_last_active_admin_key_cannot_be_revoked()
    {
        // Other tests of this class may have created admin keys: revoke them, leaving the fixture's own.
        var others = JsonNode.Parse(await Hub.Admin.GetStringAsync(Keys, Cancel))!.AsArray()
            .Where(k => k!["role"]!.GetValue<string>() == "admin" && k["revokedAt"] is null && k["name"]!.GetValue<string>() != "admin")
            .Select(k => Guid.Parse(k!["id"]!.GetValue<string>()));
        foreach (var other in others)
        {
            (await Hub.Admin.DeleteAsync(KeyUri(other), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var response = await Hub.Admin.DeleteAsync(KeyUri(await IdOfAsync("admin")), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("last active admin key");
        (await Hub.Admin.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Concurrent_revocations_of_the_last_two_admin_keys_leave_one()
    {
        // A hub of its own, so that its admin keys are only those made here and the shared fixture keeps its key.
        await using var fresh = (HubFixture)Activator.CreateInstance(Hub.GetType())!;
        await fresh.InitializeAsync();
        var survivor = (Key: fresh.AdminKey, Name: "admin");
        for (var round = 0; round < 5; round++)
        {
            var name = Unique("second-admin");
            var other = (Key: await fresh.CreateKeyAsync(Roles.Admin, name: name), Name: name);
            var ids = await fresh.QueryAsync(db => db.ApiKeys.Where(k => k.Name == survivor.Name || k.Name == other.Name).ToDictionaryAsync(k => k.Name, k => k.Id, Cancel));

            var (first, second) = (fresh.Client(survivor.Key), fresh.Client(other.Key));
            (await first.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK); // both keys known, so both requests reach the revocation
            (await second.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // Each key revokes the other at the same time: the check and the revocation must be one step.
            var responses = await Task.WhenAll(first.DeleteAsync(KeyUri(ids[other.Name]), Cancel), second.DeleteAsync(KeyUri(ids[survivor.Name]), Cancel));

            // The loser is refused as the last admin key, or (when it came second) no longer authenticated.
            var statuses = responses.Select(r => r.StatusCode).ToList();
            statuses.Count(s => s == HttpStatusCode.NoContent).ShouldBe(1, $"round {round}: {string.Join(", ", statuses)}");
            statuses.ShouldAllBe(s => s == HttpStatusCode.NoContent || s == HttpStatusCode.Conflict || s == HttpStatusCode.Unauthorized);
            var active = await fresh.QueryAsync(db => db.ApiKeys.Where(k => k.Role == Roles.Admin && k.RevokedAt == null).Select(k => k.Name).ToListAsync(Cancel));
            active.ShouldHaveSingleItem($"round {round}");
            survivor = active[0] == survivor.Name ? survivor : other;
            (await fresh.Client(survivor.Key).GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await fresh.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "key.revoke", Cancel))).ShouldBe(round + 1);
        }
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_not_found()
    {
        (await Hub.Admin.DeleteAsync(KeyUri(Guid.NewGuid()), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"role":"author"}""", "$.name")]
    [InlineData("""{"name":"   ","role":"author"}""", "$.name")]
    [InlineData("""{"name":"x","role":"superuser"}""", "$.role")]
    [InlineData("""{"name":"x"}""", "$.role")]
    [InlineData("""{"name":"x","role":"author","connectors":["a"]}""", "$.connectors")]
    [InlineData("""{"name":"x","role":"invoker","connectors":[]}""", "$.connectors")]
    [InlineData("""{"name":"x","role":"invoker","connectors":["ok",""]}""", "$.connectors[1]")]
    public async Task Bad_input_names_the_field_and_stores_nothing(string body, string field)
    {
        var before = await CountsAsync();

        var response = await Hub.Admin.PostAsync(Keys, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ShouldContain(field);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_name_longer_than_100_characters_is_refused()
    {
        var response = await Hub.Admin.PostAsJsonAsync(Keys, new { name = new string('k', 101), role = "author" }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("$.name");
    }

    [Fact]
    public async Task A_name_in_use_is_a_conflict_and_stores_nothing()
    {
        var name = Unique("taken");
        await CreateAsync(name, "author");
        var before = await CountsAsync();

        var response = await Hub.Admin.PostAsJsonAsync(Keys, new { name, role = "operator" }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain(name);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Concurrent_creations_of_one_name_make_one_key()
    {
        var name = Unique("raced");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Hub.Admin.PostAsJsonAsync(Keys, new { name, role = "author" }, Cancel)));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, .. Enumerable.Repeat(HttpStatusCode.Conflict, 4)]);
        (await Hub.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Name == name, Cancel))).ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Invoker)]
    public async Task Only_admins_manage_keys(string role)
    {
        var client = Hub.Client(await Hub.CreateKeyAsync(role));
        var adminId = await IdOfAsync("admin");

        (await client.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync(Keys, new { name = Unique("sneaky"), role = "admin" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync(KeyUri(adminId), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Hub.QueryAsync(db => db.ApiKeys.SingleAsync(k => k.Id == adminId, Cancel))).RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_key_nothing_is_answered()
    {
        var anonymous = Hub.Client(null);

        (await anonymous.GetAsync(Keys, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync(Keys, new { name = "x", role = "admin" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.DeleteAsync(KeyUri(Guid.NewGuid()), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    private static Uri KeyUri(Guid id) => new($"/api/v1/keys/{id}", UriKind.Relative);

    private async Task<string> CreateAsync(string name, string role)
    {
        var response = await Hub.Admin.PostAsJsonAsync(Keys, new { name, role }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["key"]!.GetValue<string>();
    }

    private Task<Guid> IdOfAsync(string name) => Hub.QueryAsync(db => db.ApiKeys.Where(k => k.Name == name).Select(k => k.Id).SingleAsync(Cancel));

    private Task<(int Keys, int Audit)> CountsAsync() =>
        Hub.QueryAsync(async db => (await db.ApiKeys.CountAsync(Cancel), await db.Audit.CountAsync(Cancel)));
}

public sealed class SqliteKeyApiTests(SqliteHub hub) : KeyApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresKeyApiTests(PostgresHub hub) : KeyApiTests(hub), IClassFixture<PostgresHub>;
