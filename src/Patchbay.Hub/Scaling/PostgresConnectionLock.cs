using Medallion.Threading.Postgres;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Hub.Scaling;

/// <summary>
/// A PostgreSQL advisory lock per OAuth connection (DistributedLock.Postgres), so that the hubs sharing a
/// database renew a connection's token one at a time, and the others find it in the store.
/// </summary>
public sealed class PostgresConnectionLock(string connectionString) : IConnectionLock
{
    private readonly PostgresDistributedSynchronizationProvider _locks = new(connectionString);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string connection, CancellationToken cancellationToken) =>
        // Connection keys are longer than an advisory lock key holds: hashing them is what the library offers for that.
        await _locks.CreateLock(new PostgresAdvisoryLockKey("patchbay-oauth:" + connection, allowHashing: true)).AcquireAsync(cancellationToken: cancellationToken);
}
