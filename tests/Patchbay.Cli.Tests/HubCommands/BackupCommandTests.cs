using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patchbay.Cli.Tests.Support;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Cli.Tests.HubCommands;

/// <summary><c>patchbay backup</c> of a running SQLite hub, restored by starting another hub on the backup folder.</summary>
public sealed class BackupCommandTests : IAsyncDisposable
{
    private const string Secret = "backed-up-secret";
    private readonly string _data = Directory.CreateTempSubdirectory("patchbay-backup-data-").FullName;
    private readonly string _backup = Path.Combine(Path.GetTempPath(), "patchbay-backup-" + Guid.NewGuid().ToString("N"));
    private readonly string _adminKey = ApiKeys.Generate().Key;
    private readonly string _connector = "Backed Up " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_backup_taken_while_the_hub_runs_restores_connectors_secrets_and_history()
    {
        string firstInvocation;
        await using (var hub = await StartAsync(_data))
        {
            await InstallAsync(hub);
            using var client = Client(hub);
            (await client.PutAsJsonAsync(ConfigUri, new { connectorParameters = new { token = Secret } }, Cancel)).EnsureSuccessStatusCode();
            firstInvocation = (await InvokeAsync(client))["invocationId"]!.GetValue<string>();

            var run = await RunAsync("backup", "--data", _data, "-o", _backup);

            run.ExitCode.ShouldBe(0, run.ToString());
            run.Error.ShouldContain("integrity checked");
            run.ToString().ShouldNotContain(Secret);
        }

        await using (var restored = await StartAsync(_backup))
        {
            using var client = Client(restored);
            var answer = await InvokeAsync(client);
            answer["envelope"]!["response"]!["outputs"]!["output"]!["tokenMatches"]!.GetValue<bool>().ShouldBeTrue();
            (await client.GetAsync(new Uri($"/api/v1/invocations/{firstInvocation}", UriKind.Relative), Cancel)).IsSuccessStatusCode.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_folder_without_a_hub_or_a_target_that_is_not_empty_is_refused_with_the_path()
    {
        var empty = Directory.CreateTempSubdirectory("patchbay-backup-empty-").FullName;
        File.WriteAllText(Path.Combine(empty, "other.txt"), "x");

        var noHub = await RunAsync("backup", "--data", empty, "-o", _backup);
        await using (await StartAsync(_data))
        {
            var notEmpty = await RunAsync("backup", "--data", _data, "-o", empty);

            notEmpty.ExitCode.ShouldBe(1);
            notEmpty.Error.ShouldContain($"{empty}: the folder is not empty");
        }

        noHub.ExitCode.ShouldBe(1);
        noHub.Error.ShouldContain(Path.Combine(empty, "patchbay.db") + ": there is no hub database here");
        Directory.Exists(_backup).ShouldBeFalse();
        Directory.Delete(empty, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var folder in new[] { _data, _backup })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // A worker still exiting may hold a file; the OS cleans temporary folders.
            }
        }

        await Task.CompletedTask;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Uri ConfigUri => new($"/api/v1/connectors/{Uri.EscapeDataString(_connector)}/versions/1/environments/Test/config", UriKind.Relative);

    private Task<HubApp> StartAsync(string data) =>
        HubApp.StartAsync(new HubOptions { Urls = "http://127.0.0.1:0", DataFolder = data, AdminKey = _adminKey, RateLimitPerSecond = 0 }, l => l.ClearProviders(), Cancel);

    private HttpClient Client(HubApp hub)
    {
        var client = new HttpClient { BaseAddress = hub.Addresses[0] };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminKey);
        return client;
    }

    private async Task<JsonObject> InvokeAsync(HttpClient client)
    {
        var uri = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(_connector)}/versions/1/actions/check/invoke", UriKind.Relative);
        var response = await client.PostAsJsonAsync(uri, new { environment = "Test", inputs = new { } }, Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    private async Task InstallAsync(HubApp hub)
    {
        var package = new TestConnector { Name = _connector }
            .Parameters(new ConnectorParameter { Name = "token", PasswordMode = true })
            .Invoke("check", $"callback(RESPONSE({{ tokenMatches: globals.systemproperties.token === '{Secret}' }}, null, 200));")
            .Build();
        await using var scope = hub.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, new Caller(Guid.NewGuid(), "test", Roles.Admin, null), Cancel);
    }

    private async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, _data) { GetEnvironmentVariable = _ => null };
        var exitCode = await PatchbayCli.RunAsync(context, args, Cancel);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
