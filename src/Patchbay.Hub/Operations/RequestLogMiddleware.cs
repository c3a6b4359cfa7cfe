using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Patchbay.Hub.Operations;

/// <summary>
/// One Information line per request: method, route template, status, duration and the API key's name. It is
/// the first middleware, so refusals (401, 413, 429) are logged too. Never headers, bodies, the raw path or the
/// query string: any of them may carry a key or a secret.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                Log(context, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    private void Log(HttpContext context, double durationMs)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template ? "/" + template.Trim('/') : "(no route)";
        var key = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.Name) ?? "?" : "anonymous";
        OperationsLog.Request(logger, context.Request.Method, route, context.Response.StatusCode, durationMs, key);
    }
}
