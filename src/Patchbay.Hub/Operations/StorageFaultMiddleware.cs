using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Operations;

/// <summary>
/// The API's edge for storage faults (<see cref="StorageFaults"/>): a request that could not read or store what
/// it needed because the database is down or the data folder is full or read-only answers a 503 or 507 problem
/// naming the cause, and the hub goes on serving. Other exceptions pass through untouched.
/// </summary>
public sealed partial class StorageFaultMiddleware(RequestDelegate next, HubOptions options, ILogger<StorageFaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageFaults.Find(e, options.DataFolder) is { } fault && !context.Response.HasStarted)
        {
            LogFault(logger, e, fault.Status, fault.Detail);
            context.Response.Headers.RetryAfter = "5";
            await ApiProblems.Write(context, fault.Status, fault.Detail);
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Storage fault, answered {StatusCode}: {Detail}")]
    private static partial void LogFault(ILogger logger, Exception exception, int statusCode, string detail);
}
