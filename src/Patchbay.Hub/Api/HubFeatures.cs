using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Drafts;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Operations;
using Patchbay.Hub.Scaling;
using Patchbay.Hub.Security;
using Patchbay.Runtime.Libraries;

namespace Patchbay.Hub.Api;

/// <summary>Where each feature of the hub plugs in its services, middleware and endpoints.</summary>
public static class HubFeatures
{
    public static IServiceCollection AddHubFeatures(this IServiceCollection services, HubOptions options)
    {
        services.AddScoped<ConnectorCatalog>();
        services.AddScoped<ConnectorReader>();
        services.AddScoped<DraftStore>();
        services.AddSingleton<INpmRunner, NpmRunner>();
        services.AddSingleton<DraftLibraryPacker>();
        services.AddSingleton<SecretProtector>();
        services.AddScoped<ConfigResolver>();
        services.AddScoped<InvocationService>();
        services.AddScoped<ActionTests>();
        services.AddSingleton<InvocationWriter>();
        services.AddScoped<InvocationHistory>();
        services.AddScoped<InvocationStats>();
        services.AddScoped<AuditReader>();
        services.AddHubOperations(options);
        services.AddConfiguration(options);
        services.AddScoped<IdempotencyStore>();
        services.AddHubJobs(options);
        services.AddScaling(options);
        return services;
    }

    public static WebApplication UseHubFeatures(this WebApplication app)
    {
        app.UseHubOperations();
        app.MapOAuthCallback();
        return app;
    }

    /// <summary>The API under /api/v1; every endpoint needs a key unless it says otherwise.</summary>
    public static RouteGroupBuilder MapHubApi(this RouteGroupBuilder api)
    {
        // Unknown API paths answer a problem, and only to authenticated callers.
        api.MapInvocations();
        api.MapConnectors();
        api.MapApiKeys();
        api.MapUsers();
        api.MapHubOperations();
        api.MapConfiguration();
        api.MapJobs();
        api.MapInvocationHistory();
        api.MapInvocationStats();
        api.MapTestActions();
        api.MapFallback(ApiFallback.Answer);
        return api;
    }
}
