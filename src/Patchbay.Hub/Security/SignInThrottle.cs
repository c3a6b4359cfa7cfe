using System.Collections.Concurrent;

namespace Patchbay.Hub.Security;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins for one user name (known or not)
/// within <see cref="Window"/>, that name is locked for <see cref="LockFor"/>, even for the right password.
/// Kept in memory per hub process, and bounded: once <see cref="MaxTrackedNames"/> are tracked, names without
/// a recent failure are dropped, then, if that is not enough, every name that is not locked (a flood of guessed
/// names costs a partly counted name its count, never a lock).
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public const int MaxTrackedNames = 10_000;

    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(1);

    /// <summary>Failures older than this no longer count towards a lock.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _names = new(StringComparer.Ordinal);

    /// <summary>How many names are tracked now.</summary>
    public int TrackedNames => _names.Count;

    public bool IsLocked(string nameKey) =>
        _names.TryGetValue(nameKey, out var entry) && entry.LockedUntil > time.GetUtcNow();

    public void Failed(string nameKey)
    {
        var now = time.GetUtcNow();
        if (_names.Count >= MaxTrackedNames)
        {
            Trim(now);
        }

        _names.AddOrUpdate(nameKey, _ => new Entry(1, now, DateTimeOffset.MinValue), (_, entry) => entry.After(now));
    }

    public void Succeeded(string nameKey) => _names.TryRemove(nameKey, out _);

    private void Trim(DateTimeOffset now)
    {
        RemoveWhere(entry => entry.LockedUntil <= now && now - entry.LastFailure > Window);
        if (_names.Count >= MaxTrackedNames)
        {
            RemoveWhere(entry => entry.LockedUntil <= now);
        }
    }

    private void RemoveWhere(Func<Entry, bool> drop)
    {
        foreach (var (name, entry) in _names)
        {
            if (drop(entry))
            {
                _names.TryRemove(name, out _);
            }
        }
    }

    private readonly record struct Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil)
    {
        public Entry After(DateTimeOffset now)
        {
            var failures = now - LastFailure > Window ? 1 : Failures + 1;
            return failures >= MaxFailures ? new Entry(0, now, now + LockFor) : new Entry(failures, now, LockedUntil);
        }
    }
}
