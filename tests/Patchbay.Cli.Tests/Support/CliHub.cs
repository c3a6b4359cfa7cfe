using System.Text.Json;
using Patchbay.Hub;
using Patchbay.Hub.Security;

namespace Patchbay.Cli.Tests.Support;

/// <summary>
/// A real hub on a loopback port (SQLite in a temporary folder, a known admin key) for commands that talk to
/// a hub, and a profile file naming it. Tests using it join <see cref="HubCommands"/>: the CLI finds the
/// profile file through a process-wide environment variable, so they run alone.
/// </summary>
public sealed class CliHub : IAsyncLifetime
{
    public const string Profile = "test";

    private HubApp? _hub;

    public string AdminKey { get; } = ApiKeys.Generate().Key;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("patchbay-cli-hub-").FullName;

    public string Url => (_hub ?? throw new InvalidOperationException("The hub has not started.")).Addresses[0].ToString();

    public HubApp Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    /// <summary>Points the CLI at a profile file with <see cref="Profile"/> (this hub, the given key); undone on dispose.</summary>
    public IDisposable UseProfile(string? apiKey)
    {
        var file = Path.Combine(DataFolder, $"profiles-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { profiles = new Dictionary<string, object> { [Profile] = new { hub = Url, apiKey } } }));
        return new EnvironmentScope(new Dictionary<string, string?> { ["PATCHBAY_PROFILES"] = file, ["PATCHBAY_API_KEY"] = null, ["PATCHBAY_HUB"] = null });
    }

    public async ValueTask InitializeAsync()
    {
        var options = new HubOptions { Urls = "http://127.0.0.1:0", DataFolder = DataFolder, AdminKey = AdminKey, RateLimitPerSecond = 0 };
        _hub = await HubApp.StartAsync(options, _ => { }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A worker that is still exiting may hold a file; the temporary folder is cleaned by the OS.
        }
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous;

        public EnvironmentScope(Dictionary<string, string?> values)
        {
            _previous = values.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

/// <summary>Commands against a hub: run alone, because the profile file is found through the environment.</summary>
[CollectionDefinition(nameof(HubCommands), DisableParallelization = true)]
public sealed class HubCommands : ICollectionFixture<CliHub>;
