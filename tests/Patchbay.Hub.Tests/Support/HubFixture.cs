using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Tests.Support;

/// <summary>
/// A real hub on a loopback port with its own database: a SQLite file in a temporary data folder, or a
/// fresh PostgreSQL database (<see cref="PostgresHub"/>). API tests are written once against this class and
/// run on both engines.
/// </summary>
public abstract class HubFixture : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private HubApp? _hub;

    /// <summary>The admin key the hub was started with.</summary>
    public string AdminKey { get; } = ApiKeys.Generate().Key;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("patchbay-hub-").FullName;

    /// <summary>Every line the hub logged.</summary>
    public LogCapture Logs { get; } = new();

    public HubApp Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public Uri BaseAddress => Hub.Addresses[0];

    /// <summary>A client authenticated as admin.</summary>
    public HttpClient Admin => Client(AdminKey);

    public HubOptions Options { get; private set; } = new();

    /// <summary>sqlite or postgres.</summary>
    public abstract string Engine { get; }

    /// <summary>A client that sends the given key (or none when null).</summary>
    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>Creates an API key of a role straight in the database (set-up for tests of other features).</summary>
    public async Task<string> CreateKeyAsync(string role, IEnumerable<string>? connectors = null, string? name = null)
    {
        var (key, prefix) = ApiKeys.Generate();
        await using var scope = Hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        db.ApiKeys.Add(new ApiKeyRecord
        {
            Id = Guid.CreateVersion7(),
            Name = name ?? $"{role}-{prefix}",
            Prefix = prefix,
            Hash = ApiKeys.Hash(key),
            Role = role,
            Connectors = ApiKeys.FormatConnectors(connectors),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Runs a query on the hub's own database (to prove what is stored, e.g. that secrets are encrypted).</summary>
    public async Task<T> QueryAsync<T>(Func<HubDb, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Hub.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDb>());
    }

    public async ValueTask InitializeAsync()
    {
        Options = await ConfigureAsync(new HubOptions
        {
            Urls = "http://127.0.0.1:0",
            DataFolder = DataFolder,
            AdminKey = AdminKey,
            RateLimitPerSecond = 0,
        });
        _hub = await HubApp.StartAsync(Options, l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        await CleanUpAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A worker that is still exiting may hold a file; the temporary folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The engine's part of the options (the PostgreSQL fixture creates its database here).</summary>
    protected virtual Task<HubOptions> ConfigureAsync(HubOptions options) => Task.FromResult(options);

    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}

/// <summary>The hub on SQLite, the default. A subclass may change the options (<see cref="HubFixture.ConfigureAsync"/>).</summary>
public class SqliteHub : HubFixture
{
    public override string Engine => "sqlite";
}

/// <summary>
/// The hub on a fresh database of the PostgreSQL server named by <c>PATCHBAY_TEST_POSTGRES</c> (a connection
/// string with the right to create databases). Without it the PostgreSQL tests are skipped, unless
/// <c>PATCHBAY_REQUIRE_POSTGRES=1</c> (CI) makes that a failure. A subclass may change the options after this
/// class's own (<see cref="ConfigureAsync"/>).
/// </summary>
public class PostgresHub : HubFixture
{
    private string? _database;

    public override string Engine => "postgres";

    /// <summary>The server's connection string, or null when the tests have none.</summary>
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("PATCHBAY_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable("PATCHBAY_REQUIRE_POSTGRES") == "1";

    /// <summary>The connection string of this fixture's own database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Creates a fresh database on the test server and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException("PATCHBAY_TEST_POSTGRES is not set.");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    protected override async Task<HubOptions> ConfigureAsync(HubOptions options)
    {
        if (ServerConnectionString is null)
        {
            if (Required)
            {
                throw new InvalidOperationException("PATCHBAY_REQUIRE_POSTGRES=1 but PATCHBAY_TEST_POSTGRES is not set.");
            }

            // No server: start on SQLite so the fixture works; each PostgreSQL test skips itself (HubTests).
            return options;
        }

        _database = "pbtest_" + Guid.NewGuid().ToString("N");
        ConnectionString = await CreateDatabaseAsync(_database);
        return options with { PostgresConnectionString = ConnectionString };
    }

    protected override async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            await DropDatabaseAsync(_database);
        }
    }
}
