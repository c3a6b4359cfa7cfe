using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Puts the request log and the rate limiter in front of the whole pipeline (before authentication and
/// authorization), so that refused requests are logged and callers with a bad key are limited too.
/// </summary>
internal sealed class OperationsStartupFilter(HubOptions options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseTrustedProxyHeaders(options);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseHubRateLimits(options);
        next(app);
    };
}
