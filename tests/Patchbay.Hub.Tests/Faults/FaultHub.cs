using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// A hub in the test process on storage the test breaks on purpose (a private PostgreSQL server, a tmpfs data
/// folder), with an admin client and every log line. The shared <see cref="HubFixture"/> cannot be used: its
/// storage must stay healthy for the other tests of its class.
/// </summary>
public sealed class FaultHub : IAsyncDisposable
{
    private readonly HubApp _hub;

    private FaultHub(HubApp hub, string adminKey, LogCapture logs)
    {
        _hub = hub;
        Logs = logs;
        Admin = new HttpClient { BaseAddress = hub.Addresses[0], Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        Anonymous = new HttpClient { BaseAddress = hub.Addresses[0], Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Admin { get; }

    public HttpClient Anonymous { get; }

    public LogCapture Logs { get; }

    /// <summary>The hub's services, to look at its job storage.</summary>
    public IServiceProvider Services => _hub.Services;

    /// <summary>The admin key, for starting another hub on the same state.</summary>
    public string AdminKey { get; private init; } = "";

    /// <summary>Starts a hub on the data folder (and PostgreSQL database, when given) with a short job lease.</summary>
    /// <param name="dataFolder">The data folder.</param>
    /// <param name="postgres">The PostgreSQL database, or null for SQLite in the data folder.</param>
    /// <param name="adminKey">The admin key of an earlier hub on the same state; null for a new one.</param>
    public static async Task<FaultHub> StartAsync(string dataFolder, string? postgres = null, string? adminKey = null)
    {
        adminKey ??= ApiKeys.Generate().Key;
        var logs = new LogCapture();
        var options = new HubOptions
        {
            Urls = "http://127.0.0.1:0",
            DataFolder = dataFolder,
            PostgresConnectionString = postgres,
            AdminKey = adminKey,
            RateLimitPerSecond = 0,
            JobLease = TimeSpan.FromSeconds(2),
        };
        var hub = await HubApp.StartAsync(options, l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug), TestContext.Current.CancellationToken);
        return new FaultHub(hub, adminKey, logs) { AdminKey = adminKey };
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await _hub.DisposeAsync();
    }
}
