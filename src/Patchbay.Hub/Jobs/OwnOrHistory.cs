using Patchbay.Hub.Security;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Reading one job or invocation (policy <see cref="Policies.ReadOwnHistory"/>): history readers (admin, operator) read all, invokers their own.
/// </summary>
public static class OwnOrHistory
{
    public static bool MayRead(Caller caller, string ownerName)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Policies.RolesOf[Policies.ReadHistory].Contains(caller.Role) || caller.Name == ownerName;
    }
}
