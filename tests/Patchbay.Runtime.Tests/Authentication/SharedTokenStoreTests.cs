using System.Collections.Concurrent;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Time.Testing;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Authentication.OAuth2;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Authentication;

/// <summary>
/// Two runtimes (authentication services) sharing a token store and a connection lock, as the hubs of a
/// scale-out do: each token is obtained, refreshed and renewed after a 401 once across both.
/// </summary>
[Trait("Category", "Integration")]
[Collection(OAuthServerGroup.Name)]
public sealed class SharedTokenStoreTests(OAuthServer server) : IDisposable
{
    private readonly OAuthServer _server = server;
    private readonly int _tokenRequestsBefore = server.TokenRequests;
    private readonly HttpClient _http = new();
    private readonly SharedStore _store = new();
    private readonly SemaphoreLock _lock = new();

    private int TokenRequests => _server.TokenRequests - _tokenRequestsBefore;

    [Fact]
    public async Task TwoRuntimes_GetTheFirstTokenOnce_AndRefreshItOnceAfterExpiry()
    {
        using var scenario = OAuth2Scenario.Password(_server);
        var (a, b) = (Runtime(scenario.Time), Runtime(scenario.Time));

        var first = await AuthenticateOnBothAsync(scenario, a, b);

        TokenRequests.ShouldBe(1);
        first.Select(s => s.AuthData["access_token"]).Distinct().Count().ShouldBe(1);
        (await _store.GetAccessTokenAsync(scenario.Key.ToString(), TestContext.Current.CancellationToken))!.AccessToken.ShouldBe(first[0].AuthData["access_token"]);

        scenario.Time.Advance(TimeSpan.FromHours(1));
        var second = await AuthenticateOnBothAsync(scenario, a, b);

        TokenRequests.ShouldBe(2); // one refresh; the rotated refresh token was kept for both
        second.Select(s => s.AuthData["access_token"]).Distinct().Single().ShouldNotBe(first[0].AuthData["access_token"]);
        (await scenario.CallApiAsync(second[0])).ShouldBe(200);
    }

    [Fact]
    public async Task TwoRuntimes_RenewOnceWhenTheApiRefusesTheSharedToken()
    {
        using var scenario = OAuth2Scenario.Password(_server);
        var (a, b) = (Runtime(scenario.Time), Runtime(scenario.Time));
        var sessions = await AuthenticateOnBothAsync(scenario, a, b);
        var refused = sessions[0].AuthData["access_token"];
        _server.RefusedTokens[refused] = true;

        var statuses = await Task.WhenAll(sessions.Select(scenario.CallApiAsync));

        statuses.ShouldAllBe(s => s == 200);
        TokenRequests.ShouldBe(2); // the grant, then one renewal across both runtimes
    }

    [Fact]
    public async Task TwoRuntimes_AfterTheRefreshTokenIsRefused_TheOtherDoesNotReplayIt()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var scenario = OAuth2Scenario.AuthorizationCode(_server);
        var (a, b) = (Runtime(scenario.Time), Runtime(scenario.Time));
        var start = a.Authorizations.Start(scenario.Connector, scenario.Parameters, "default", new Uri(OAuthServer.RedirectUri));
        var (_, code) = await OAuth2Scenario.AuthorizeAsync(start);
        (await a.Authorizations.CompleteAsync(scenario.Connector, scenario.Parameters, "default", start.Pending, code, cancel)).Succeeded.ShouldBeTrue();
        var session = await b.AuthenticateAsync(scenario.Request(), cancel);
        session.Failure.ShouldBeNull(); // the token the other runtime obtained
        TokenRequests.ShouldBe(1);

        using (var revoke = await _http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = _server.RevokeUrl,
            ClientId = OAuthServer.InteractiveClient,
            ClientSecret = OAuthServer.InteractiveSecret,
            Token = session.AuthData["refresh_token"],
            TokenTypeHint = "refresh_token",
        }, cancel))
        {
            revoke.IsError.ShouldBeFalse();
        }

        scenario.Time.Advance(TimeSpan.FromHours(1));
        (await a.AuthenticateAsync(scenario.Request(), cancel)).Failure!.Error.ShouldBe("RECONNECT_NEEDED");
        (await b.AuthenticateAsync(scenario.Request(), cancel)).Failure!.Error.ShouldBe("RECONNECT_NEEDED");

        TokenRequests.ShouldBe(2); // one refused refresh: the stored refresh token was forgotten for both
    }

    [Fact]
    public async Task WithoutASharedStore_EachRuntimeGetsItsOwnToken()
    {
        using var scenario = OAuth2Scenario.ClientCredentials(_server);
        var a = new AuthenticationService(_http, scenario.Time);
        var b = new AuthenticationService(_http, scenario.Time);

        await AuthenticateOnBothAsync(scenario, a, b);

        TokenRequests.ShouldBe(2);
    }

    public void Dispose()
    {
        _http.Dispose();
        _lock.Dispose();
    }

    private AuthenticationService Runtime(FakeTimeProvider time) => new(_http, time, _store, _lock);

    private static async Task<AuthenticationSession[]> AuthenticateOnBothAsync(OAuth2Scenario scenario, AuthenticationService a, AuthenticationService b)
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).AuthenticateAsync(scenario.Request(), TestContext.Current.CancellationToken)));
        sessions.ShouldAllBe(s => s.Failure == null);
        return sessions;
    }

    /// <summary>A store that shares access tokens, as the hub's database does.</summary>
    private sealed class SharedStore : ITokenStore
    {
        private readonly ConcurrentDictionary<string, string> _refresh = new();
        private readonly ConcurrentDictionary<string, StoredAccessToken> _access = new();

        public ValueTask<string?> GetRefreshTokenAsync(string connection, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_refresh.TryGetValue(connection, out var token) ? token : null);

        public ValueTask SaveRefreshTokenAsync(string connection, string refreshToken, CancellationToken cancellationToken)
        {
            _refresh[connection] = refreshToken;
            return ValueTask.CompletedTask;
        }

        public ValueTask DeleteRefreshTokenAsync(string connection, CancellationToken cancellationToken)
        {
            _refresh.TryRemove(connection, out _);
            return ValueTask.CompletedTask;
        }

        public ValueTask<StoredAccessToken?> GetAccessTokenAsync(string connection, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_access.TryGetValue(connection, out var token) ? token : null);

        public ValueTask SaveAccessTokenAsync(string connection, StoredAccessToken token, CancellationToken cancellationToken)
        {
            _access[connection] = token;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>One lock for every connection, standing in for a distributed one.</summary>
    private sealed class SemaphoreLock : IConnectionLock, IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public void Dispose() => _gate.Dispose();

        public async ValueTask<IAsyncDisposable> AcquireAsync(string connection, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            return new Release(_gate);
        }

        private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                gate.Release();
                return ValueTask.CompletedTask;
            }
        }
    }
}
