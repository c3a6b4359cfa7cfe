using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Puts the request log, the storage-fault answers and the rate limiter in front of the whole pipeline (before
/// authentication and authorization, which read keys from the database), so that refused requests are logged,
/// callers with a bad key are limited too, and a database that is down answers 503 at any step.
/// </summary>
internal sealed class OperationsStartupFilter(HubOptions options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseTrustedProxyHeaders(options);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<StorageFaultMiddleware>();
        app.UseHubRateLimits(options);
        next(app);
    };
}
