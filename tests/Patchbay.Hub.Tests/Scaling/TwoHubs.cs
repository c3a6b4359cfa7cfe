using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Patchbay.Core.Model;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Scaling;

/// <summary>
/// Two hub processes on one fresh PostgreSQL database, a real OAuth 2.0 server whose access tokens live
/// <see cref="TokenLifetime"/>, and direct access to the database for set-up (installing connectors and
/// configuration, as the hubs' own services do). Nothing starts when no PostgreSQL server is configured.
/// A subclass may start the hubs with more <c>serve</c> options (<see cref="ServeArguments"/>).
/// </summary>
public class TwoHubs : IAsyncLifetime
{
    /// <summary>Short, so that a test can wait for a token to expire; long enough for a round of invocations to fit in it.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(12);

    private readonly string _database = "pbscale_" + Guid.NewGuid().ToString("N");
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("patchbay-scale-db-").FullName;
    private ServiceProvider? _services;

    public string AdminKey { get; } = ApiKeys.Generate().Key;

    public OAuthServer OAuth { get; } = new() { AccessTokenLifetime = TokenLifetime };

    public HubProcess A { get; private set; } = null!;

    public HubProcess B { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public static bool Available => PostgresHub.ServerConnectionString is not null;

    /// <summary>Skips the calling test when no PostgreSQL server is named, and fails it when CI requires one.</summary>
    public static void RequireServer()
    {
        if (!Available)
        {
            PostgresHub.Required.ShouldBeFalse("PATCHBAY_REQUIRE_POSTGRES=1 but PATCHBAY_TEST_POSTGRES is not set.");
            Assert.Skip("PATCHBAY_TEST_POSTGRES is not set: no PostgreSQL server to start hubs on (.ci/run starts one).");
        }
    }

    /// <summary>More options for both hubs' <c>patchbay serve</c>; none by default.</summary>
    protected virtual IReadOnlyList<string> ServeArguments => [];

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var cancel = TestContext.Current.CancellationToken;
        ConnectionString = await PostgresHub.CreateDatabaseAsync(_database);
        await OAuth.InitializeAsync();
        A = await HubProcess.StartAsync(ConnectionString, AdminKey, ServeArguments, cancel); // migrates the database and creates the key ring
        B = await HubProcess.StartAsync(ConnectionString, AdminKey, ServeArguments, cancel);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddMemoryCache()
            .AddHubStorage(new HubOptions { PostgresConnectionString = ConnectionString, DataFolder = _dataFolder })
            .AddSingleton<SecretProtector>()
            .AddScoped<ConnectorCatalog>()
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in new[] { A, B })
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await OAuth.DisposeAsync();
        if (Available)
        {
            await PostgresHub.DropDatabaseAsync(_database);
        }

        Directory.Delete(_dataFolder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs a query on the shared database.</summary>
    public async Task<T> QueryAsync<T>(Func<HubDb, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = _services!.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDb>());
    }

    /// <summary>Installs a connector in the shared database, as the upload endpoint would.</summary>
    public async Task InstallAsync(ConnectorPackage package)
    {
        await using var scope = _services!.CreateAsyncScope();
        var admin = new Caller(Guid.NewGuid(), "test", Roles.Admin, null);
        await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, admin, TestContext.Current.CancellationToken);
    }

    /// <summary>Stores a connector's Authentication parameter values in an environment; secret ones encrypted with the hubs' key ring.</summary>
    public async Task ConfigureAsync(string connector, string environment, params (string Name, string Value, bool Secret)[] values)
    {
        await using var scope = _services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var protector = scope.ServiceProvider.GetRequiredService<SecretProtector>();
        var connectorId = await db.Connectors.Where(c => c.Name == connector).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        db.ConnectorConfigs.Add(new ConnectorConfigRecord
        {
            Id = Guid.NewGuid(),
            ConnectorId = connectorId,
            Major = 1,
            EnvironmentKey = environment.ToLowerInvariant(),
            TimeoutSeconds = 300, // the tests hold the token endpoint on purpose; a loaded machine must not time the calls out
            UpdatedBy = "test",
            Values = [.. values.Select(v => new ParameterValueRecord
            {
                Id = Guid.NewGuid(),
                Kind = ConfigResolver.AuthenticationKind,
                Name = v.Name,
                Value = v.Secret ? protector.Protect(v.Value) : v.Value,
                IsSecret = v.Secret,
            })],
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until a session waits for an advisory lock of this database: a hub blocked on another's token renewal.</summary>
    public async Task WaitForALockWaiterAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((long)(await waiting.ExecuteScalarAsync(timeout.Token))! == 0)
        {
            await Task.Delay(20, timeout.Token); // polling the server: there is no notification for lock waits
        }
    }
}
