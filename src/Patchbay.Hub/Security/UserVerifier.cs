using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>Checks a user's name and password at sign-in (throttled by <see cref="SignInThrottle"/>), and that a session's account is still active.</summary>
public sealed class UserVerifier(HubDb db, SignInThrottle throttle)
{
    /// <summary>What a sign-in came to.</summary>
    public enum Result
    {
        SignedIn,
        Refused,
        Locked,
    }

    public async Task<(Result Result, UserRecord? User)> VerifyAsync(string name, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var nameKey = name.Trim().ToLowerInvariant();
        if (throttle.IsLocked(nameKey))
        {
            return (Result.Locked, null);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.NameKey == nameKey && u.RevokedAt == null, cancellationToken);
        if (!Passwords.Matches(user, password, out var rehash))
        {
            throttle.Failed(nameKey);
            return (Result.Refused, null);
        }

        throttle.Succeeded(nameKey);
        if (rehash)
        {
            user!.PasswordHash = Passwords.Hash(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (Result.SignedIn, user);
    }

    /// <summary>Whether the account a session was opened with is still active (not revoked, not deleted).</summary>
    public Task<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.RevokedAt == null, cancellationToken);

    public static ClaimsPrincipal PrincipalOf(UserRecord user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Caller.Principal(user.Id, user.Name, user.Role, user.Connectors, CallerKind.User, scheme);
    }
}
