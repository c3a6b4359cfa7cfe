using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>
/// The hub must keep someone who can administer it: an active admin key or admin user. Checked inside the
/// serializable transaction of a revocation (<see cref="SerializedWrite"/>), so two revocations at once never leave none.
/// </summary>
internal static class LastAdmin
{
    /// <summary>Whether any admin other than the key or user being revoked stays active.</summary>
    public static async Task<bool> OtherExistsAsync(HubDb db, Guid revokedId, CancellationToken cancellationToken) =>
        await db.ApiKeys.AnyAsync(k => k.Role == Roles.Admin && k.RevokedAt == null && k.Id != revokedId, cancellationToken)
        || await db.Users.AnyAsync(u => u.Role == Roles.Admin && u.RevokedAt == null && u.Id != revokedId, cancellationToken);
}
