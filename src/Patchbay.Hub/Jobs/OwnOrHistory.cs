using Microsoft.AspNetCore.Authorization;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Reading one job or invocation: history readers (admin, operator) read all, invokers their own. The roles of
/// the <see cref="Policies.ReadHistory"/> and <see cref="Policies.Invoke"/> policies together.
/// </summary>
public static class OwnOrHistory
{
    public static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder()
        .RequireRole(Policies.RolesOf[Policies.ReadHistory].Union(Policies.RolesOf[Policies.Invoke]))
        .Build();

    public static bool MayRead(Caller caller, string ownerName)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Policies.RolesOf[Policies.ReadHistory].Contains(caller.Role) || caller.Name == ownerName;
    }
}
