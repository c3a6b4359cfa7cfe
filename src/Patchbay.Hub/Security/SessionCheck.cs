using System.Security.Claims;

namespace Patchbay.Hub.Security;

/// <summary>Whether a UI session may go on: its API key or user account is still active. Read by the cookie and by open pages.</summary>
public sealed class SessionCheck(ApiKeyVerifier keys, UserVerifier users)
{
    public async Task<bool> IsActiveAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (principal?.FindFirst(Caller.KeyIdClaim) is null)
        {
            return false;
        }

        var caller = Caller.From(principal);
        return caller.Kind == CallerKind.User
            ? await users.IsActiveAsync(caller.KeyId, principal.FindFirstValue(UserVerifier.PasswordStampClaim), cancellationToken)
            : await keys.IsActiveAsync(caller.KeyId, cancellationToken);
    }
}
