namespace Patchbay.Hub.Tests.Support;

/// <summary>
/// The base of API tests: write the tests once in an abstract class deriving from this, then derive one
/// class per engine, e.g. <c>public sealed class SqliteConnectorApiTests(SqliteHub hub) : ConnectorApiTests(hub), IClassFixture&lt;SqliteHub&gt;;</c>
/// and the same with <see cref="PostgresHub"/>.
/// </summary>
public abstract class HubTests : IAsyncLifetime
{
    protected HubTests(HubFixture hub)
    {
        Hub = hub;
    }

    protected HubFixture Hub { get; }

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        if (Hub is PostgresHub && PostgresHub.ServerConnectionString is null)
        {
            Assert.Skip("PATCHBAY_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one).");
        }

        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
