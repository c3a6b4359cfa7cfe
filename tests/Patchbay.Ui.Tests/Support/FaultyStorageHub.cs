using Npgsql;
using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Faults;
using Patchbay.Hub.Tests.Scaling;

namespace Patchbay.Ui.Tests.Support;

/// <summary>
/// A hub whose storage the tests break for real: <c>patchbay serve</c> on a private PostgreSQL server
/// (<see cref="PrivatePostgres"/>) that can be stopped and started again, or whose schema can be damaged, without
/// disturbing the shared <see cref="UiHub"/>. Needs root, as the hub's fault tests.
/// </summary>
public sealed class FaultyStorageHub : IAsyncLifetime
{
    private PrivatePostgres? _server;
    private HubProcess? _process;

    public string AdminKey { get; } = ApiKeys.Generate().Key;

    public Uri Address => _process!.Address;

    public PrivatePostgres Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await PrivatePostgres.StartAsync();
        _process = await HubProcess.StartAsync(_server.ConnectionString("patchbay"), AdminKey, [], TestContext.Current.CancellationToken);
    }

    /// <summary>Runs SQL on the hub's database, as an operator's mistake or a damaged schema would change it.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString("patchbay"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
