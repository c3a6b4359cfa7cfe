using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Runtime;
using Patchbay.Hub.Scaling;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Authentication.OAuth2;
using Patchbay.Runtime.Tests.Support;
using static Patchbay.Hub.Tests.Configuration.ConfigTestConnector;

namespace Patchbay.Hub.Tests.Configuration;

public abstract class PlatformSettingsApiTests(HubFixture hub) : HubTests(hub)
{
    private const string ProxyPassword = "pr0xy-pa55word";
    private static readonly Uri Settings = new("/api/v1/settings", UriKind.Relative);

    [Fact]
    public async Task A_proxy_set_through_the_api_carries_a_connectors_outbound_calls_and_its_credentials_stay_hidden()
    {
        await using var proxy = new ForwardProxy();
        await proxy.InitializeAsync();
        await using var target = new LoopbackServer();
        await target.InitializeAsync();
        var name = await InstallAsync(Hub);
        var proxyUrl = $"http://patchbay:{ProxyPassword}@127.0.0.1:{proxy.Url.Port}";

        var put = await PutAsync(new { proxy = proxyUrl, noProxy = new[] { "internal.example.com", ".corp.example" } });
        var url = $"{target.Url}/through-proxy";
        var answer = await InvokeFetchAsync(name, url);

        put["proxy"]!.GetValue<string>().ShouldBe($"http://****:****@127.0.0.1:{proxy.Url.Port}");
        put["noProxy"]!.AsArray().Select(h => h!.GetValue<string>()).ShouldBe(["internal.example.com", ".corp.example"]);
        answer["success"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        proxy.RequestLines.ShouldContain(line => line.EndsWith(url, StringComparison.Ordinal));
        (await Hub.Admin.GetStringAsync(Settings, Cancel)).ShouldNotContain(ProxyPassword);
        Hub.Logs.All.ShouldNotContain(ProxyPassword);
        var audit = await Hub.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "settings.update").Select(a => a.Details).ToListAsync(Cancel));
        audit.ShouldContain(d => d!.Contains("\"proxy\"", StringComparison.Ordinal));
        audit.ShouldAllBe(d => !d!.Contains(ProxyPassword, StringComparison.Ordinal));
        var stored = await Hub.QueryAsync(db => db.PlatformSettings.AsNoTracking().Select(s => s.ProtectedProxy).SingleAsync(Cancel));
        stored.ShouldNotBeNull().ShouldNotContain(ProxyPassword);

        // The masked form, as a UI sends back what it read, keeps the stored proxy.
        (await PutAsync(new { proxy = put["proxy"]!.GetValue<string>() }))["proxy"]!.GetValue<string>().ShouldBe(put["proxy"]!.GetValue<string>());
        Hub.Hub.Services.GetRequiredService<RuntimeHost>().Options.Proxy.ShouldBe(new Uri(proxyUrl));
        (await PutAsync(new { proxy = (string?)null }))["proxy"].ShouldBeNull();
        Hub.Hub.Services.GetRequiredService<RuntimeHost>().Options.Proxy.ShouldBeNull();
    }

    [Fact]
    public async Task Extra_ca_certificates_are_summarized_and_trusted_by_connector_code()
    {
        var (ca, server) = TestCertificates.Create();
        using (ca)
        using (server)
        {
            await using var target = new LoopbackServer { Certificate = server };
            await target.InitializeAsync();
            var name = await InstallAsync(Hub);

            var put = await PutAsync(new { proxy = (string?)null, caCertificates = ca.ExportCertificatePem() });
            var answer = await InvokeFetchAsync(name, $"{target.Url}/secure");

            var summary = put["caCertificateSummary"]!.AsArray().Single()!;
            summary["subject"]!.GetValue<string>().ShouldBe("CN=Patchbay Test CA");
            summary["thumbprint"]!.GetValue<string>().ShouldBe(ca.Thumbprint);
            put["caCertificates"]!.GetValue<string>().ShouldContain("BEGIN CERTIFICATE");
            answer["success"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
            answer["output"]!["path"]!.GetValue<string>().ShouldBe("/secure");
            var file = Hub.Hub.Services.GetRequiredService<RuntimeHost>().Options.ExtraCaCertificatesFile.ShouldNotBeNull();
            file.ShouldStartWith(Path.Combine(Hub.DataFolder, "platform"));
            (await File.ReadAllTextAsync(file, Cancel)).ShouldContain(ca.ExportCertificatePem().Split('\n')[1]);
        }
    }

    [Fact]
    public async Task Invalid_settings_name_each_field_and_change_nothing()
    {
        var before = await Hub.Admin.GetStringAsync(Settings, Cancel);

        var response = await Hub.Admin.PutAsJsonAsync(Settings, new
        {
            proxy = "ftp://proxy.example.com:21",
            noProxy = new[] { "ok.example.com", "not a host" },
            caCertificates = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
            defaultTimeoutSeconds = 0,
            retentionDays = 5000,
            colour = "blue",
        }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var paths = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>());
        paths.ShouldBe(["$.proxy", "$.noProxy[1]", "$.caCertificates", "$.defaultTimeoutSeconds", "$.retentionDays", "$.colour"], ignoreOrder: true);
        (await Hub.Admin.GetStringAsync(Settings, Cancel)).ShouldBe(before);
        var notPem = await Hub.Admin.PutAsJsonAsync(Settings, new { caCertificates = "just text" }, Cancel);
        notPem.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notPem.Content.ReadAsStringAsync(Cancel)).ShouldContain("$.caCertificates");
    }

    [Fact]
    public async Task A_change_merges_into_the_settings_and_reaches_the_runtime()
    {
        await PutAsync(new { retentionDays = 90 });

        var put = await PutAsync(new { defaultTimeoutSeconds = 45 });

        put["defaultTimeoutSeconds"]!.GetValue<int>().ShouldBe(45);
        put["retentionDays"]!.GetValue<int>().ShouldBe(90);
        Hub.Hub.Services.GetRequiredService<RuntimeHost>().Options.DefaultTimeout.ShouldBe(TimeSpan.FromSeconds(45));
        var audit = await Hub.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "settings.update").OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync(Cancel));
        audit.ShouldBe("""{"changed":["defaultTimeoutSeconds"]}""");
    }

    [Fact]
    public async Task The_runtime_keeps_the_shared_token_store_and_lock_at_startup_and_after_a_settings_change()
    {
        var services = Hub.Hub.Services;
        var runtime = services.GetRequiredService<RuntimeHost>();
        runtime.Options.TokenStore.ShouldBeSameAs(services.GetRequiredService<ITokenStore>());
        runtime.Options.ConnectionLock.ShouldBeSameAs(services.GetRequiredService<IConnectionLock>());

        await PutAsync(new { defaultTimeoutSeconds = Random.Shared.Next(100, 3600) });

        runtime.Options.TokenStore.ShouldBeOfType<DatabaseTokenStore>().ShouldBeSameAs(services.GetRequiredService<ITokenStore>());
        runtime.Options.ConnectionLock.ShouldBeSameAs(services.GetRequiredService<IConnectionLock>());
    }

    [Fact]
    public async Task Another_hub_on_the_same_database_picks_up_changed_settings()
    {
        await using var second = await HubApp.StartAsync(Hub.Options with { NodeName = "second-" + Guid.NewGuid().ToString("N")[..6] }, l => l.AddProvider(Hub.Logs), Cancel);
        var watcher = second.Services.GetServices<IHostedService>().OfType<PlatformSettingsWatcher>().Single();
        await watcher.CheckAsync(Cancel);
        var seconds = Random.Shared.Next(100, 3600);

        await PutAsync(new { defaultTimeoutSeconds = seconds });
        await watcher.CheckAsync(Cancel);

        second.Services.GetRequiredService<RuntimeHost>().Options.DefaultTimeout.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task Operators_and_admins_may_read_and_change_settings_authors_and_invokers_may_not()
    {
        foreach (var role in new[] { Roles.Operator, Roles.Admin })
        {
            var client = Hub.Client(await Hub.CreateKeyAsync(role));
            (await client.GetAsync(Settings, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, role);
            (await client.PutAsJsonAsync(Settings, new { retentionDays = 30 }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, role);
        }

        foreach (var role in new[] { Roles.Author, Roles.Invoker })
        {
            var client = Hub.Client(await Hub.CreateKeyAsync(role));
            (await client.GetAsync(Settings, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await client.PutAsJsonAsync(Settings, new { retentionDays = 31 }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }
    }

    private async Task<JsonObject> PutAsync(object body)
    {
        var response = await Hub.Admin.PutAsJsonAsync(Settings, body, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    private async Task<JsonObject> InvokeFetchAsync(string connector, string url)
    {
        var invoker = Hub.Client(await Hub.CreateKeyAsync(Roles.Invoker));
        var response = await invoker.PostAsJsonAsync(InvokeUri(connector, "fetch"), new { environment = "Development", inputs = new { url } }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }
}

public sealed class SqlitePlatformSettingsApiTests(SqliteHub hub) : PlatformSettingsApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresPlatformSettingsApiTests(PostgresHub hub) : PlatformSettingsApiTests(hub), IClassFixture<PostgresHub>;
