using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Security;

public abstract class UserApiTests(HubFixture hub) : HubTests(hub)
{
    private const string Password = "correct horse battery";
    private static readonly Uri Users = new("/api/v1/users", UriKind.Relative);

    [Fact]
    public async Task A_created_user_is_listed_without_a_hash_and_audited_without_the_password()
    {
        var name = Unique("Ada");

        var response = await Hub.Admin.PostAsJsonAsync(Users, new { name, password = Password, role = "invoker", connectors = new[] { "GitHub" } }, Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var created = JsonNode.Parse(body)!;
        created["name"]!.GetValue<string>().ShouldBe(name);
        created["role"]!.GetValue<string>().ShouldBe("invoker");
        created["connectors"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["github"]);
        var list = await Hub.Admin.GetStringAsync(Users, Cancel);
        var stored = await Hub.QueryAsync(db => db.Users.SingleAsync(u => u.Name == name, Cancel));
        foreach (var text in new[] { body, list })
        {
            text.ShouldNotContain(Password);
            text.ShouldNotContain(stored.PasswordHash);
            text.ShouldNotContain("\"passwordHash\"");
        }

        stored.PasswordHash.ShouldNotContain(Password);
        stored.CreatedBy.ShouldBe("admin");
        var audit = await Hub.QueryAsync(db => db.Audit.SingleAsync(a => a.Target == name, Cancel));
        audit.Action.ShouldBe("user.create");
        audit.Details.ShouldNotBeNull().ShouldNotContain(Password);
        Hub.Logs.All.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Names_are_unique_ignoring_case()
    {
        var name = Unique("grace");
        await CreateAsync(name, "author");

        var response = await Hub.Admin.PostAsJsonAsync(Users, new { name = name.ToUpperInvariant(), password = Password, role = "author" }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"password":"correct horse battery","role":"author"}""", "$.name")]
    [InlineData("""{"name":"x","password":"short","role":"author"}""", "$.password")]
    [InlineData("""{"name":"x","role":"author"}""", "$.password")]
    [InlineData("""{"name":"x","password":"correct horse battery","role":"root"}""", "$.role")]
    [InlineData("""{"name":"x","password":"correct horse battery","role":"author","connectors":["a"]}""", "$.connectors")]
    public async Task Bad_input_names_the_field_and_stores_nothing(string body, string field)
    {
        var before = await Hub.QueryAsync(db => db.Users.CountAsync(Cancel));

        var response = await Hub.Admin.PostAsync(Users, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ShouldContain(field);
        (await Hub.QueryAsync(db => db.Users.CountAsync(Cancel))).ShouldBe(before);
    }

    [Fact]
    public async Task A_user_signs_in_with_the_password_an_admin_sets_and_not_with_the_old_one()
    {
        var name = Unique("linus");
        var id = await CreateAsync(name, "operator");
        const string newPassword = "another long passphrase";

        var response = await Hub.Admin.PostAsJsonAsync(new Uri($"/api/v1/users/{id}/password", UriKind.Relative), new { password = newPassword }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await VerifyAsync(name, Password)).Result.ShouldBe(UserVerifier.Result.Refused);
        var (result, user) = await VerifyAsync(name.ToUpperInvariant(), newPassword);
        result.ShouldBe(UserVerifier.Result.SignedIn);
        user!.Id.ShouldBe(id);
        var audit = await Hub.QueryAsync(db => db.Audit.SingleAsync(a => a.Target == name && a.Action == "user.password", Cancel));
        (audit.Details ?? "").ShouldNotContain(newPassword);
        (await Hub.Admin.PostAsJsonAsync(new Uri($"/api/v1/users/{id}/password", UriKind.Relative), new { password = "short" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Hub.Admin.PostAsJsonAsync(new Uri($"/api/v1/users/{Guid.NewGuid()}/password", UriKind.Relative), new { password = newPassword }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_name_even_for_the_right_password()
    {
        var name = Unique("mallory");
        await CreateAsync(name, "author");

        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            (await VerifyAsync(name, "wrong password " + i)).Result.ShouldBe(UserVerifier.Result.Refused);
        }

        (await VerifyAsync(name, Password)).Result.ShouldBe(UserVerifier.Result.Locked);
    }

    [Fact]
    public async Task A_revoked_user_cannot_sign_in_and_the_revocation_is_audited_and_idempotent()
    {
        var name = Unique("revoked");
        var id = await CreateAsync(name, "author");

        (await Hub.Admin.DeleteAsync(UserUri(id), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Hub.Admin.DeleteAsync(UserUri(id), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await VerifyAsync(name, Password)).Result.ShouldBe(UserVerifier.Result.Refused);
        var stored = await Hub.QueryAsync(db => db.Users.SingleAsync(u => u.Id == id, Cancel));
        stored.RevokedAt.ShouldNotBeNull();
        stored.RevokedBy.ShouldBe("admin");
        (await Hub.QueryAsync(db => db.Audit.Where(a => a.Target == name).Select(a => a.Action).ToListAsync(Cancel))).Order().ShouldBe(["user.create", "user.revoke"]);
        (await Hub.Admin.DeleteAsync(UserUri(Guid.NewGuid()), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_admin_counts_keys_and_users_together()
    {
        // A hub of its own: its only admin is its start key, then an admin user beside it.
        await using var fresh = (HubFixture)Activator.CreateInstance(Hub.GetType())!;
        await fresh.InitializeAsync();
        var keyId = await fresh.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "admin").Select(k => k.Id).SingleAsync(Cancel));
        var created = await fresh.Admin.PostAsJsonAsync(Users, new { name = "root-user", password = Password, role = "admin" }, Cancel);
        var userId = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<string>());
        var spare = fresh.Client(await fresh.CreateKeyAsync(Roles.Admin, name: "spare"));

        // With an admin user active, the last admin key may go; then the admin user is the last admin.
        (await fresh.Admin.DeleteAsync(new Uri($"/api/v1/keys/{keyId}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var spareId = await fresh.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "spare").Select(k => k.Id).SingleAsync(Cancel));
        (await spare.DeleteAsync(new Uri($"/api/v1/keys/{spareId}", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var other = fresh.Client(await fresh.CreateKeyAsync(Roles.Author)); // not an admin: cannot try
        (await other.DeleteAsync(UserUri(userId), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var scope = fresh.Hub.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAdmin>().RevokeAsync(userId, new Caller(userId, "root-user", Roles.Admin, null, CallerKind.User), Cancel);

        outcome.Status.ShouldBe(409);
        outcome.Detail.ShouldNotBeNull().ShouldContain("last active admin user");
        (await fresh.QueryAsync(db => db.Users.SingleAsync(u => u.Id == userId, Cancel))).RevokedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Invoker)]
    public async Task Only_admins_manage_users(string role)
    {
        var client = Hub.Client(await Hub.CreateKeyAsync(role));
        var id = await CreateAsync(Unique("target"), "author");

        (await client.GetAsync(Users, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync(Users, new { name = Unique("sneaky"), password = Password, role = "admin" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync(UserUri(id), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync(new Uri($"/api/v1/users/{id}/password", UriKind.Relative), new { password = Password + "!" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_user_principal_reads_back_as_a_user_caller_and_a_key_principal_as_a_key()
    {
        var user = new UserRecord { Id = Guid.NewGuid(), Name = "ada", NameKey = "ada", PasswordHash = "", Role = Roles.Invoker, Connectors = "github" };
        var key = new ApiKeyRecord { Id = Guid.NewGuid(), Name = "ci", Prefix = "pb_x", Hash = "", Role = Roles.Operator };

        var fromUser = Caller.From(UserVerifier.PrincipalOf(user, "test"));
        var fromKey = Caller.From(ApiKeyVerifier.PrincipalOf(key, "test"));

        fromUser.ShouldBe(fromUser with { KeyId = user.Id, Name = "ada", Role = Roles.Invoker, Kind = CallerKind.User });
        fromUser.MayInvoke("GitHub").ShouldBeTrue();
        fromKey.Kind.ShouldBe(CallerKind.Key);
        fromKey.KeyId.ShouldBe(key.Id);
        await Task.CompletedTask;
    }

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_password_reset_ends_the_sessions_opened_with_the_old_password()
    {
        var name = Unique("grace");
        var id = await CreateAsync(name, "author");
        var (_, user) = await VerifyAsync(name, Password);
        var oldSession = UserVerifier.PrincipalOf(user!, HubAuthentication.CookieScheme);
        (await IsActiveAsync(oldSession)).ShouldBeTrue();

        (await Hub.Admin.PostAsJsonAsync(new Uri($"/api/v1/users/{id}/password", UriKind.Relative), new { password = Password + " renewed" }, Cancel)).EnsureSuccessStatusCode();

        (await IsActiveAsync(oldSession)).ShouldBeFalse();
        var (_, renewed) = await VerifyAsync(name, Password + " renewed");
        (await IsActiveAsync(UserVerifier.PrincipalOf(renewed!, HubAuthentication.CookieScheme))).ShouldBeTrue();
        oldSession.FindFirst(UserVerifier.PasswordStampClaim)!.Value.ShouldNotContain(user!.PasswordHash[..16]);
    }

    private async Task<bool> IsActiveAsync(System.Security.Claims.ClaimsPrincipal session)
    {
        await using var scope = Hub.Hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCheck>().IsActiveAsync(session, Cancel);
    }

    private static Uri UserUri(Guid id) => new($"/api/v1/users/{id}", UriKind.Relative);

    private async Task<Guid> CreateAsync(string name, string role)
    {
        var response = await Hub.Admin.PostAsJsonAsync(Users, new { name, password = Password, role }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<string>());
    }

    private async Task<(UserVerifier.Result Result, UserRecord? User)> VerifyAsync(string name, string password)
    {
        await using var scope = Hub.Hub.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserVerifier>().VerifyAsync(name, password, Cancel);
    }
}

public sealed class SqliteUserApiTests(SqliteHub hub) : UserApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresUserApiTests(PostgresHub hub) : UserApiTests(hub), IClassFixture<PostgresHub>;
