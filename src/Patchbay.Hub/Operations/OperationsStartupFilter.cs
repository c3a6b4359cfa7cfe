using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Puts the request log, problem documents, the storage-fault answers and the rate limiter in front of the whole
/// pipeline (before authentication and authorization, which read keys from the database), so that refused requests
/// are logged, every API refusal is a problem document, callers with a bad key are limited too, and a database that is
/// down answers 503 at any step. Storage faults are answered inside the catch-all for unexpected exceptions, so they
/// never become a 500.
/// </summary>
internal sealed class OperationsStartupFilter(HubOptions options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseTrustedProxyHeaders(options);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<RequestProblemsMiddleware>();
        app.UseMiddleware<StorageFaultMiddleware>();
        app.UseHubRateLimits(options);
        next(app);
    };
}
