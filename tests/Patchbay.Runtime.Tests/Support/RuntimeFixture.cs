using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>One runtime (and its Node workers) shared by a test class; its work folder is removed afterwards.</summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "patchbay-runtime-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public ConnectorRuntime Runtime { get; private set; } = null!; // set in InitializeAsync, before any test

    public RuntimeOptions Options => new() { WorkFolder = _workFolder, HangGrace = TimeSpan.FromMilliseconds(500) };

    public async ValueTask InitializeAsync() => Runtime = await ConnectorRuntime.CreateAsync(Options, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        if (Directory.Exists(_workFolder))
        {
            Directory.Delete(_workFolder, recursive: true);
        }
    }
}
