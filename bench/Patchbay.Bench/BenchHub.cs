using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;

namespace Patchbay.Bench;

/// <summary>
/// A hub started in this process (rate limit off, no log provider: the figure is the API's, not the console's)
/// with one connector installed, and one admin client for every caller, as a calling service would have.
/// </summary>
internal sealed class BenchHub : IAsyncDisposable
{
    private readonly HubApp _hub;
    private readonly Uri _invoke;

    private BenchHub(HubApp hub, HttpClient http, ConnectorPackage connector)
    {
        _hub = hub;
        Http = http;
        _invoke = new Uri($"/api/v1/connectors/{connector.Definition.Name}/versions/1/actions/act/invoke", UriKind.Relative);
    }

    /// <summary>An admin client; the handler opens a connection per concurrent request.</summary>
    public HttpClient Http { get; }

    public static async Task<BenchHub> StartAsync(HubOptions options, ConnectorPackage connector)
    {
        var adminKey = ApiKeys.Generate().Key;
        var hub = await HubApp.StartAsync(options with { Urls = "http://127.0.0.1:0", AdminKey = adminKey, RateLimitPerSecond = 0 }, _ => { }, CancellationToken.None);
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(connector, new Caller(Guid.NewGuid(), "bench", Roles.Admin, null), CancellationToken.None);
        }

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = hub.Addresses[0] };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return new BenchHub(hub, http, connector);
    }

    /// <summary>Sync invokes of the connector's action "act" (each saves its invocation record before answering); any failure stops the run.</summary>
    public Task<Measurement> MeasureInvokeAsync(string scenario, int concurrency, int calls)
    {
        var body = new { environment = "Test", inputs = new { } };
        return Measurement.RunAsync(scenario, concurrency, calls, async () =>
        {
            using var response = await Http.PostAsJsonAsync(_invoke, body);
            var answer = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || !answer.Contains("\"success\":true", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{(int)response.StatusCode}: {answer}");
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _hub.DisposeAsync();
    }
}
