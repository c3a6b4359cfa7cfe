using Patchbay.Hub.Security;
using Patchbay.Hub.Tests.Scaling;

[assembly: AssemblyFixture(typeof(Patchbay.Ui.Tests.Support.UiHub))]
[assembly: AssemblyFixture(typeof(Patchbay.Ui.Tests.Support.Browser))]

namespace Patchbay.Ui.Tests.Support;

/// <summary>
/// The hub the end-to-end tests drive: <c>patchbay serve</c> in its own process on the default SQLite storage,
/// with a known admin key, exactly as an operator starts it.
/// </summary>
public sealed class UiHub : IAsyncLifetime
{
    private HubProcess? _process;

    public string AdminKey { get; } = ApiKeys.Generate().Key;

    public Uri Address => Process.Address;

    public HubProcess Process => _process ?? throw new InvalidOperationException("The hub has not started.");

    /// <summary>A client of the hub's API with the admin key (set-up and checks beside the browser).</summary>
    public HttpClient Admin => Process.Client(AdminKey);

    public async ValueTask InitializeAsync() =>
        _process = await HubProcess.StartAsync(null, AdminKey, [], TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
