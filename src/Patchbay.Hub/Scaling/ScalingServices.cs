using Microsoft.Extensions.DependencyInjection;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Hub.Scaling;

/// <summary>What the hubs of a scale-out share through the database: OAuth tokens, and the lock around renewing them.</summary>
public static class ScalingServices
{
    public static IServiceCollection AddScaling(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<ITokenStore, DatabaseTokenStore>();
        services.AddSingleton<IConnectionLock>(options.UsesPostgres
            ? new PostgresConnectionLock(options.PostgresConnectionString!)
            : InProcessConnectionLock.Instance); // SQLite: one hub per database, whose token cache is single-flight already
        return services;
    }
}
