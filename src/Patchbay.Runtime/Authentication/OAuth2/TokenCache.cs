using System.Collections.Concurrent;

namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// Access tokens per connection, shared by every invocation of the runtime. Renewal is single-flight:
/// however many invocations find the token missing or stale at once, one request goes to the token endpoint
/// and all of them await its outcome.
/// </summary>
internal sealed class TokenCache(TimeProvider time)
{
    /// <summary>A token request shared by several callers is bounded by this, not by any one caller's token.</summary>
    private static readonly TimeSpan RenewalTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<ConnectionKey, Slot> _slots = new();

    /// <summary>Renews the token (or gets the first one) with a shared call of <c>renew</c>; the argument is the current token, stale or null.</summary>
    public delegate Task<TokenOutcome> Renewal(CachedToken? current, CancellationToken cancellationToken);

    /// <summary>The cached token while fresh; otherwise the outcome of one shared renewal.</summary>
    public Task<TokenOutcome> GetAsync(ConnectionKey key, Renewal renew, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        Task<TokenOutcome> pending;
        lock (slot.Gate)
        {
            if (slot.Token is { } token && token.IsFresh(time.GetUtcNow()))
            {
                return Task.FromResult(TokenOutcome.Of(token));
            }

            pending = slot.Pending ??= Start(slot, renew, keepUnexpired: true);
        }

        return pending.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// After the API refused <paramref name="rejected"/> with 401: renews once. When the cached token is no
    /// longer the rejected one, another caller already renewed it and that token is returned, so many
    /// concurrent 401s cause one renewal.
    /// </summary>
    public Task<TokenOutcome> RenewAsync(ConnectionKey key, string rejected, Renewal renew, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        Task<TokenOutcome> pending;
        lock (slot.Gate)
        {
            if (slot.Pending is null && slot.Token is { } token && token.AccessToken != rejected)
            {
                return Task.FromResult(TokenOutcome.Of(token));
            }

            pending = slot.Pending ??= Start(slot, renew, keepUnexpired: false);
        }

        return pending.WaitAsync(cancellationToken);
    }

    /// <summary>Stores a token obtained outside a renewal (an authorization code exchange).</summary>
    public void Put(ConnectionKey key, CachedToken token)
    {
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        lock (slot.Gate)
        {
            slot.Token = token;
        }
    }

    /// <summary>The cached token, fresh or not; for tests and diagnostics.</summary>
    public CachedToken? Peek(ConnectionKey key) => _slots.TryGetValue(key, out var slot) ? slot.Token : null;

    /// <summary>
    /// Runs the renewal off the caller's thread; it is registered as pending before it can complete, since
    /// completing takes the gate. With <paramref name="keepUnexpired"/>, a transient failure during the skew
    /// window falls back to the current token, which has not actually expired yet.
    /// </summary>
    private Task<TokenOutcome> Start(Slot slot, Renewal renew, bool keepUnexpired)
    {
        var current = slot.Token;
        return Task.Run(async () =>
        {
            TokenOutcome outcome;
            using (var timeout = new CancellationTokenSource(RenewalTimeout, time))
            {
                try
                {
                    outcome = await renew(current, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    outcome = TokenOutcome.Of(AuthenticationFailure.Unavailable(null, $"The token endpoint did not answer within {RenewalTimeout.TotalSeconds:0} s."));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failing token store (the hub's) must not turn into an exception for every waiting invocation.
                    outcome = TokenOutcome.Of(AuthenticationFailure.Unavailable(null, $"The token could not be renewed: {e.Message}"));
                }
            }

            if (keepUnexpired && outcome.Failure is { IsTransient: true } && current?.ExpiresAt > time.GetUtcNow())
            {
                outcome = TokenOutcome.Of(current);
            }

            lock (slot.Gate)
            {
                slot.Pending = null;
                if (outcome.Token is not null)
                {
                    slot.Token = outcome.Token;
                }
                else if (outcome.Failure is { IsTransient: false })
                {
                    slot.Token = null; // its refresh token was refused: nothing left to reuse
                }
            }

            return outcome;
        });
    }

    private sealed class Slot
    {
        public Lock Gate { get; } = new();

        public CachedToken? Token { get; set; }

        public Task<TokenOutcome>? Pending { get; set; }
    }
}
