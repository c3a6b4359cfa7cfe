namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// Mutual exclusion per connection across runtimes that share an <see cref="ITokenStore"/>: held around
/// "read the store again; if there is still no usable token, get one and save it", so that however many
/// runtimes need a token at once, one request goes to the token endpoint.
/// </summary>
public interface IConnectionLock
{
    /// <summary>Waits for the connection's lock; disposing the result releases it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string connection, CancellationToken cancellationToken);
}

/// <summary>The default: no lock, since one runtime's token cache already renews each connection once at a time.</summary>
public sealed class InProcessConnectionLock : IConnectionLock
{
    public static InProcessConnectionLock Instance { get; } = new();

    private InProcessConnectionLock()
    {
    }

    public ValueTask<IAsyncDisposable> AcquireAsync(string connection, CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable>(Released.Instance);

    private sealed class Released : IAsyncDisposable
    {
        public static Released Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
