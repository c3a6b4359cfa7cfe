using System.Collections.Concurrent;

namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>Refresh tokens kept for the life of the process.</summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public ValueTask<string?> GetRefreshTokenAsync(string connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(connection, out var token) ? token : null);

    public ValueTask SaveRefreshTokenAsync(string connection, string refreshToken, CancellationToken cancellationToken)
    {
        _tokens[connection] = refreshToken;
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteRefreshTokenAsync(string connection, CancellationToken cancellationToken)
    {
        _tokens.TryRemove(connection, out _);
        return ValueTask.CompletedTask;
    }
}
