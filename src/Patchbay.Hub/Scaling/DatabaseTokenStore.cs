using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Hub.Scaling;

/// <summary>
/// The runtime's OAuth 2.0 tokens in the hub's database (<see cref="OAuthTokenRecord"/>), encrypted with the
/// hub's Data Protection key ring: refresh tokens survive restarts, and every hub on the same database uses
/// the access token one of them obtained.
/// </summary>
public sealed class DatabaseTokenStore(IServiceScopeFactory scopes, SecretProtector protector, TimeProvider time) : ITokenStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<string?> GetRefreshTokenAsync(string connection, CancellationToken cancellationToken) =>
        await ReadAsync(connection, t => t.ProtectedRefreshToken, cancellationToken) is { } sealedToken ? protector.Unprotect(sealedToken) : null;

    public ValueTask SaveRefreshTokenAsync(string connection, string refreshToken, CancellationToken cancellationToken) =>
        WriteAsync(connection, t => t.ProtectedRefreshToken = protector.Protect(refreshToken), cancellationToken);

    public ValueTask DeleteRefreshTokenAsync(string connection, CancellationToken cancellationToken) =>
        WriteAsync(connection, t => t.ProtectedRefreshToken = null, cancellationToken);

    public async ValueTask<StoredAccessToken?> GetAccessTokenAsync(string connection, CancellationToken cancellationToken) =>
        await ReadAsync(connection, t => t.ProtectedAccessToken, cancellationToken) is { } sealedToken
            ? JsonSerializer.Deserialize<StoredAccessToken>(protector.Unprotect(sealedToken), Json)
            : null;

    public ValueTask SaveAccessTokenAsync(string connection, StoredAccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return WriteAsync(connection, t =>
        {
            t.ProtectedAccessToken = protector.Protect(JsonSerializer.Serialize(token, Json));
            t.AccessTokenExpiresAt = token.ExpiresAt;
        }, cancellationToken);
    }

    private async Task<string?> ReadAsync(string connection, System.Linq.Expressions.Expression<Func<OAuthTokenRecord, string?>> column, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        return await db.OAuthTokens.AsNoTracking().Where(t => t.Connection == connection).Select(column).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Changes the connection's row, adding it when missing; a row another hub added meanwhile is updated instead.</summary>
    private async ValueTask WriteAsync(string connection, Action<OAuthTokenRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var row = await db.OAuthTokens.FirstOrDefaultAsync(t => t.Connection == connection, cancellationToken);
            if (row is null)
            {
                row = db.OAuthTokens.Add(new OAuthTokenRecord { Connection = connection }).Entity;
            }

            change(row);
            row.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Inserted by another hub between the read and the save: read it again and update it.
            }
        }
    }
}
