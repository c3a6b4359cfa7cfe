using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Hub.Tests.Scaling;

/// <summary>The hub's token store and connection lock, as the runtime uses them.</summary>
public abstract class TokenStoreTests(HubFixture hub) : HubTests(hub)
{
    private const string RefreshToken = "refresh-7f3a9c0e5b";
    private const string AccessToken = "access-41d8e2b6aa";

    private ITokenStore Store => Hub.Hub.Services.GetRequiredService<ITokenStore>();

    private IConnectionLock Lock => Hub.Hub.Services.GetRequiredService<IConnectionLock>();

    [Fact]
    public async Task Tokens_are_kept_encrypted_and_read_back()
    {
        var connection = Connection();
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        var token = new StoredAccessToken(AccessToken, "Bearer", RefreshToken, DateTimeOffset.UtcNow, expires, new Dictionary<string, string> { ["access_token"] = AccessToken, ["scope"] = "api" });

        await Store.SaveRefreshTokenAsync(connection, RefreshToken, Cancel);
        await Store.SaveAccessTokenAsync(connection, token, Cancel);

        (await Store.GetRefreshTokenAsync(connection, Cancel)).ShouldBe(RefreshToken);
        var read = (await Store.GetAccessTokenAsync(connection, Cancel)).ShouldNotBeNull();
        read.AccessToken.ShouldBe(AccessToken);
        read.RefreshToken.ShouldBe(RefreshToken);
        read.ExpiresAt.ShouldBe(expires);
        read.Fields.ShouldBe(token.Fields);
        var row = await Hub.QueryAsync(db => db.OAuthTokens.AsNoTracking().SingleAsync(t => t.Connection == connection, Cancel));
        row.AccessTokenExpiresAt.ShouldNotBeNull().ShouldBe(expires, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        $"{row.ProtectedAccessToken} {row.ProtectedRefreshToken}".ShouldNotContain(AccessToken);
        $"{row.ProtectedAccessToken} {row.ProtectedRefreshToken}".ShouldNotContain(RefreshToken);
    }

    [Fact]
    public async Task A_rotated_refresh_token_replaces_the_old_one_and_a_refused_one_is_forgotten()
    {
        var connection = Connection();
        await Store.SaveRefreshTokenAsync(connection, RefreshToken, Cancel);

        await Store.SaveRefreshTokenAsync(connection, "rotated", Cancel);
        (await Store.GetRefreshTokenAsync(connection, Cancel)).ShouldBe("rotated");

        await Store.DeleteRefreshTokenAsync(connection, Cancel);
        (await Store.GetRefreshTokenAsync(connection, Cancel)).ShouldBeNull();
        (await Store.GetAccessTokenAsync(connection, Cancel)).ShouldBeNull();
        (await Store.GetAccessTokenAsync(Connection(), Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task The_lock_of_a_connection_is_held_until_released_and_does_not_block_other_connections()
    {
        var connection = Connection();
        var first = await Lock.AcquireAsync(connection, Cancel);
        var other = await Lock.AcquireAsync(Connection(), Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        await other.DisposeAsync();

        var second = Lock.AcquireAsync(connection, Cancel).AsTask();
        if (Hub.Options.UsesPostgres)
        {
            // A bounded wait for something that must not happen: the second holder is shut out while the first holds it.
            (await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(500), Cancel))).ShouldNotBe(second);
        }
        else
        {
            Lock.ShouldBe(InProcessConnectionLock.Instance); // one hub per SQLite database: the runtime's single-flight cache suffices
        }

        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(30), Cancel)).DisposeAsync();
    }

    private static string Connection() => $"{Guid.NewGuid()}/1/test/{Guid.NewGuid():N}";
}

public sealed class SqliteTokenStoreTests(SqliteHub hub) : TokenStoreTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresTokenStoreTests(PostgresHub hub) : TokenStoreTests(hub), IClassFixture<PostgresHub>;
