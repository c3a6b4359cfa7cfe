using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Cli.Tests.Support;

/// <summary>
/// Hubs started and stopped on a data folder, with a connector whose action says whether it received the password-mode
/// value stored for it: what proves that stored secrets survive a restart, a restore or a key ring change.
/// </summary>
internal sealed class SecretHub(string adminKey)
{
    public const string Secret = "stored-secret-value";

    public string Connector { get; } = "Secret Keeper " + Guid.NewGuid().ToString("N")[..6];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Task<HubApp> StartAsync(string data, X509Certificate2? keyRingCertificate = null) =>
        HubApp.StartAsync(
            new HubOptions { Urls = "http://127.0.0.1:0", DataFolder = data, AdminKey = adminKey, RateLimitPerSecond = 0, KeyRingCertificate = keyRingCertificate },
            l => l.ClearProviders(),
            Cancel);

    /// <summary>Installs the connector and stores <see cref="Secret"/> as its password-mode parameter in Test.</summary>
    public async Task InstallWithSecretAsync(HubApp hub)
    {
        var package = new TestConnector { Name = Connector }
            .Parameters(new ConnectorParameter { Name = "token", PasswordMode = true })
            .Invoke("check", $"callback(RESPONSE({{ tokenMatches: globals.systemproperties.token === '{Secret}' }}, null, 200));")
            .Build();
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, new Caller(Guid.NewGuid(), "test", Roles.Admin, null), Cancel);
        }

        using var client = Client(hub);
        var config = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(Connector)}/versions/1/environments/Test/config", UriKind.Relative);
        (await client.PutAsJsonAsync(config, new { connectorParameters = new { token = Secret } }, Cancel)).EnsureSuccessStatusCode();
    }

    /// <summary>Invokes the connector's action in Test; the answer's envelope says whether the secret arrived.</summary>
    public async Task<JsonObject> InvokeAsync(HubApp hub)
    {
        using var client = Client(hub);
        var uri = new Uri($"/api/v1/connectors/{Uri.EscapeDataString(Connector)}/versions/1/actions/check/invoke", UriKind.Relative);
        var response = await client.PostAsJsonAsync(uri, new { environment = "Test", inputs = new { } }, Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    public static bool SecretArrived(JsonObject answer) =>
        answer["envelope"]!["response"]!["outputs"]!["output"]!["tokenMatches"]!.GetValue<bool>();

    public HttpClient Client(HubApp hub)
    {
        var client = new HttpClient { BaseAddress = hub.Addresses[0] };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return client;
    }
}
