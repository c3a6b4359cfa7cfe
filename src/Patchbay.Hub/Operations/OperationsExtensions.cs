using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Patchbay.Hub.Operations;

/// <summary>
/// The hub's operability and limits, plugged in by <c>Api/HubFeatures</c>: request log, rate limits, body
/// limits, invocation admission, health, OpenTelemetry, the OpenAPI document and the audit log query.
/// </summary>
public static class OperationsExtensions
{
    public static IServiceCollection AddHubOperations(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddTransient<IStartupFilter, OperationsStartupFilter>();
        services.Configure<RouteHandlerOptions>(r => r.ThrowOnBadRequest = true); // RequestProblemsMiddleware answers them
        services.AddHubRateLimits(options);
        services.AddSingleton<InvocationAdmission>();
        services.AddHubTelemetry(options);
        services.AddHubHealth();
        services.AddHubOpenApi();
        return services;
    }

    /// <summary>Body limits (after routing, so an endpoint's own limit is known), then the endpoints outside /api/v1.</summary>
    public static WebApplication UseHubOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<BodyLimitMiddleware>();
        app.MapHubHealth();
        app.MapHubOpenApi();
        return app;
    }

    public static RouteGroupBuilder MapHubOperations(this RouteGroupBuilder api)
    {
        api.MapAudit();
        return api;
    }
}
