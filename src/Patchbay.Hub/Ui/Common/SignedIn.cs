using Microsoft.AspNetCore.Components.Authorization;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Ui.Common;

/// <summary>The signed-in person as the hub's services know a caller: the key behind the session, for audit records.</summary>
public static class SignedIn
{
    public static async Task<Caller> CallerAsync(this Task<AuthenticationState> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Caller.From((await state).User);
    }
}
