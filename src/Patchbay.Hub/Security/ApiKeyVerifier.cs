using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>
/// Checks an API key against the stored hashes, for the API (each request) and the web UI (sign-in, then its
/// session). A key found valid is remembered for a few seconds, so a burst of requests costs one database read;
/// revoking on this hub forgets it at once (<see cref="Forget"/>), other hubs within <see cref="CacheFor"/>.
/// </summary>
public sealed class ApiKeyVerifier(HubDb db, IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long a valid key is remembered before it is read again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>The stored key a presented one matches, or null when it is malformed, unknown or revoked.</summary>
    public async Task<ApiKeyRecord?> VerifyAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefix = ApiKeys.PrefixOf(key);
        if (prefix is null)
        {
            return null;
        }

        var record = await ActiveAsync(prefix, cancellationToken);
        return record is not null && ApiKeys.Matches(key, record.Hash) ? record : null;
    }

    /// <summary>Whether a key a session was opened with is still valid (not revoked, not deleted).</summary>
    public Task<bool> IsActiveAsync(Guid keyId, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().AnyAsync(k => k.Id == keyId && k.RevokedAt == null, cancellationToken);

    /// <summary>Forgets a key at once (revoked or changed).</summary>
    public static void Forget(IMemoryCache cache, string prefix)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cache.Remove(CacheKey(prefix));
    }

    /// <summary>The claims every part of the hub reads the caller from (<see cref="Caller.From"/>).</summary>
    public static ClaimsPrincipal PrincipalOf(ApiKeyRecord record, string scheme)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Caller.Principal(record.Id, record.Name, record.Role, record.Connectors, CallerKind.Key, scheme);
    }

    private async Task<ApiKeyRecord?> ActiveAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(CacheKey(prefix), out ApiKeyRecord? record))
        {
            record = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
            if (record is { RevokedAt: null })
            {
                cache.Set(CacheKey(prefix), record, time.GetUtcNow() + CacheFor);
            }
        }

        return record is { RevokedAt: null } ? record : null;
    }

    private static string CacheKey(string prefix) => "apikey:" + prefix;
}
