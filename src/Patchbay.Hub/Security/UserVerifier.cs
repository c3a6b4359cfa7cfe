using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>The claim that ties a session to the password it was opened with.</summary>
    public const string PasswordStampClaim = "patchbay:password-stamp";

    /// <summary>
    /// Whether the account a session was opened with is still active: not revoked, not deleted, and its password
    /// unchanged since (a reset by an admin ends every session opened with the old one; so does the rare rehash
    /// at sign-in when the hashing settings grow stronger).
    /// </summary>
    public async Task<bool> IsActiveAsync(Guid userId, string? passwordStamp, CancellationToken cancellationToken)
    {
        var hash = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.RevokedAt == null)
            .Select(u => u.PasswordHash)
            .FirstOrDefaultAsync(cancellationToken);
        return hash is not null && StampOf(hash) == passwordStamp;
    }

    public static ClaimsPrincipal PrincipalOf(UserRecord user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principal = Caller.Principal(user.Id, user.Name, user.Role, user.Connectors, CallerKind.User, scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PasswordStampClaim, StampOf(user.PasswordHash)));
        return principal;
    }

    /// <summary>A digest of the stored hash: it changes with the password, and says nothing about it in a cookie.</summary>
    private static string StampOf(string passwordHash) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)), 0, 16);
}
