using Microsoft.Extensions.Caching.Memory;

namespace Patchbay.Hub.Storage;

/// <summary>
/// Keeps what every invocation reads before it runs (a major's current version, an environment's stored
/// configuration) for a moment, so a busy hub does not ask the database the same questions hundreds of times a
/// second. Any save in this hub that changes connectors, versions, environments or configuration empties it at
/// once (<see cref="CatalogChangeInterceptor"/>); a change made by another hub of a scale-out is seen within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class CatalogReadCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    // Entries carry the generation they were read in; a change moves to the next one, and the old entries
    // are never found again (they expire on their own).
    private long _generation;

    /// <summary>The cached value, or what <paramref name="read"/> returns (kept unless null: an absence is not cached).</summary>
    public async Task<T?> GetOrReadAsync<T>(string key, Func<Task<T?>> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        var entry = (Interlocked.Read(ref _generation), typeof(T), key);
        if (cache.TryGetValue(entry, out T? hit))
        {
            return hit;
        }

        var value = await read().ConfigureAwait(false);
        if (value is not null)
        {
            cache.Set(entry, value, Lifetime);
        }

        return value;
    }

    /// <summary>Forgets everything read so far.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);
}
