namespace Patchbay.Hub.Tests.Scaling;

/// <summary>
/// A class of tests that start hub processes on a shared PostgreSQL database: each test is skipped when no server
/// is named, and fails when CI requires one (<see cref="TwoHubs.RequireServer"/>).
/// </summary>
[Trait("Category", "Integration")]
public abstract class ScaleOutTestClass : IAsyncLifetime
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        TwoHubs.RequireServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
