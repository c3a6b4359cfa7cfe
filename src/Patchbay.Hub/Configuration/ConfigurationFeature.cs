using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Patchbay.Hub.Configuration;

/// <summary>Environments, per-environment connector configuration and platform settings: services and endpoints.</summary>
public static class ConfigurationFeature
{
    public static IServiceCollection AddConfiguration(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddScoped<Environments>();
        services.AddScoped<ConnectorConfigEditor>();
        services.AddScoped<PlatformSettingsEditor>();
        services.AddScoped<OAuthConnections>();
        services.AddScoped<PendingOAuthAuthorizations>();
        services.AddSingleton<PlatformSettingsApplier>();
        services.AddHostedService<PlatformSettingsWatcher>();
        return services;
    }

    public static RouteGroupBuilder MapConfiguration(this RouteGroupBuilder api)
    {
        api.MapEnvironments();
        api.MapConnectorConfig();
        api.MapPlatformSettings();
        api.MapOAuthAuthorize();
        return api;
    }
}
