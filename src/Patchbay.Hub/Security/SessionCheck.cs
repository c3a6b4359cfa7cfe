using System.Security.Claims;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Security;

/// <summary>
/// Whether a UI session may go on: its API key or user account is still active. Read by the cookie and by open pages.
/// While the database cannot say (a storage fault), the session goes on and is checked again at the next request or
/// minute: a revocation cannot be stored meanwhile either, and the person sees the outage where it matters (a page
/// that needs the database shows it) rather than being signed out, or refused the page's scripts and icons.
/// </summary>
public sealed class SessionCheck(ApiKeyVerifier keys, UserVerifier users, HubOptions options)
{
    public async Task<bool> IsActiveAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (principal?.FindFirst(Caller.KeyIdClaim) is null)
        {
            return false;
        }

        var caller = Caller.From(principal);
        try
        {
            return caller.Kind == CallerKind.User
                ? await users.IsActiveAsync(caller.KeyId, principal.FindFirstValue(UserVerifier.PasswordStampClaim), cancellationToken)
                : await keys.IsActiveAsync(caller.KeyId, cancellationToken);
        }
        catch (Exception e) when (StorageFaults.Find(e, options.DataFolder) is not null)
        {
            return true;
        }
    }
}
