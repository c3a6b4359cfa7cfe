using System.Collections.Concurrent;

namespace Patchbay.Hub.Security;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins for one user name (known or not), that
/// name is locked for <see cref="LockFor"/>, even for the right password. Kept in memory per hub process.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _names = new(StringComparer.Ordinal);

    public bool IsLocked(string nameKey) =>
        _names.TryGetValue(nameKey, out var entry) && entry.LockedUntil > time.GetUtcNow();

    public void Failed(string nameKey) =>
        _names.AddOrUpdate(
            nameKey,
            _ => (1, DateTimeOffset.MinValue),
            (_, entry) => entry.Failures + 1 >= MaxFailures ? (0, time.GetUtcNow() + LockFor) : (entry.Failures + 1, entry.LockedUntil));

    public void Succeeded(string nameKey) => _names.TryRemove(nameKey, out _);
}
