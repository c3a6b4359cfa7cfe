using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Jobs;

/// <summary>
/// Where job callbacks may go: a hub that allows callbacks to <see cref="AllowedHosts"/> only refuses other
/// callback URLs when the job is accepted, and a callback goes through the platform proxy.
/// </summary>
public abstract class CallbackPolicyTests(HubFixture hub, RemoteApi remote, ForwardProxy proxy) : HubTests(hub)
{
    /// <summary>The test receiver's address and one domain.</summary>
    public static readonly IReadOnlyList<string> AllowedHosts = ["127.0.0.1", ".hooks.example"];

    private static readonly Uri Settings = new("/api/v1/settings", UriKind.Relative);

    [Fact]
    public async Task A_callback_to_a_host_outside_the_allowed_ones_is_refused_when_the_job_is_accepted()
    {
        var name = await Hub.InstallRestAsync(remote, "/hits/" + Guid.NewGuid().ToString("N"));
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));

        foreach (var url in new[] { "https://app.example.net/done", $"http://localhost:{new Uri(remote.Url).Port}/callback", "https://hooks.example.evil.net/done" })
        {
            var refused = await client.InvokeAsync(name, new { environment = "Test", callbackUrl = url }, query: "?mode=async");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            var problem = await refused.JsonAsync();
            problem["errors"]!.AsArray().Single()!["path"]!.ToString().ShouldBe("$.callbackUrl", url);
            problem["errors"]![0]!["message"]!.ToString().ShouldContain("does not call back to", Case.Sensitive, url);
        }

        (await Hub.QueryAsync(db => db.Jobs.CountAsync(j => j.RequestJson.Contains(name), Cancel))).ShouldBe(0, "a refused job is not stored");
        var accepted = await client.InvokeAsync(name, new { environment = "Test", callbackUrl = remote.Url + "/callback" }, query: "?mode=async");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(Cancel));
        var jobId = Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString());
        (await remote.NextCallbackAsync(jobId, TimeSpan.FromSeconds(60)))["state"]!.ToString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task A_callback_goes_through_the_platform_proxy()
    {
        var name = await Hub.InstallRestAsync(remote, "/hits/" + Guid.NewGuid().ToString("N"));
        var client = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var callbackUrl = remote.Url + "/callback";
        await PutSettingsAsync(new { proxy = proxy.Url.ToString() });
        try
        {
            var accepted = await client.InvokeAsync(name, new { environment = "Test", callbackUrl }, query: "?mode=async");
            var jobId = Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString());

            await remote.NextCallbackAsync(jobId, TimeSpan.FromSeconds(60));
            proxy.RequestLines.ShouldContain($"POST {callbackUrl}");
        }
        finally
        {
            await PutSettingsAsync(new { proxy = (string?)null });
        }
    }

    private async Task PutSettingsAsync(object body)
    {
        using var response = await Hub.Admin.PutAsJsonAsync(Settings, body, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
    }
}

/// <summary>A SQLite hub that allows callbacks to <see cref="CallbackPolicyTests.AllowedHosts"/> only.</summary>
public sealed class SqliteCallbackHostsHub : SqliteHub
{
    protected override async Task<HubOptions> ConfigureAsync(HubOptions options) =>
        (await base.ConfigureAsync(options)) with { CallbackHosts = CallbackPolicyTests.AllowedHosts };
}

/// <summary>A PostgreSQL hub that allows callbacks to <see cref="CallbackPolicyTests.AllowedHosts"/> only.</summary>
public sealed class PostgresCallbackHostsHub : PostgresHub
{
    protected override async Task<HubOptions> ConfigureAsync(HubOptions options) =>
        (await base.ConfigureAsync(options)) with { CallbackHosts = CallbackPolicyTests.AllowedHosts };
}

public sealed class SqliteCallbackPolicyTests(SqliteCallbackHostsHub hub, RemoteApi remote, ForwardProxy proxy)
    : CallbackPolicyTests(hub, remote, proxy), IClassFixture<SqliteCallbackHostsHub>, IClassFixture<RemoteApi>, IClassFixture<ForwardProxy>;

public sealed class PostgresCallbackPolicyTests(PostgresCallbackHostsHub hub, RemoteApi remote, ForwardProxy proxy)
    : CallbackPolicyTests(hub, remote, proxy), IClassFixture<PostgresCallbackHostsHub>, IClassFixture<RemoteApi>, IClassFixture<ForwardProxy>;
