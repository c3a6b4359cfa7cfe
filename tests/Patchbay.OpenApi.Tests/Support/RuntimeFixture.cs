using Patchbay.Runtime;
using Patchbay.Runtime.Invocation;

namespace Patchbay.OpenApi.Tests.Support;

/// <summary>One connector runtime shared by the invocation tests; its work folder is removed afterwards.</summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "patchbay-openapi-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public ConnectorRuntime Runtime { get; private set; } = null!; // set in InitializeAsync, before any test

    public async ValueTask InitializeAsync() =>
        Runtime = await ConnectorRuntime.CreateAsync(new RuntimeOptions { WorkFolder = _workFolder, DefaultTimeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        if (Directory.Exists(_workFolder))
        {
            Directory.Delete(_workFolder, recursive: true);
        }
    }
}
