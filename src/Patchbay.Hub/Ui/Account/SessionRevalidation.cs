using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Ui.Account;

/// <summary>
/// An open page keeps its circuit long after the request that opened it: every minute it checks that the key or
/// account of the session is still valid, and a revoked one loses the page at once (it is sent to sign in). While
/// the database is down the session is kept: the page shows its faults in place rather than a sign-in form.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, HubOptions options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<SessionCheck>().IsActiveAsync(authenticationState.User, cancellationToken);
        }
        catch (Exception e) when (StorageFaults.Find(e, options.DataFolder) is not null)
        {
            // The database cannot say (it is down): the page stays signed in and asks again next minute. Nothing can
            // be revoked meanwhile, since a revocation must be stored.
            return true;
        }
    }
}
