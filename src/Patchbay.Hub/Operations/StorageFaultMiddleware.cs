using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Operations;

/// <summary>
/// The API's edge for storage faults (<see cref="StorageFaults"/>): a request that could not read or store what
/// it needed because the database is down or the data folder is full or read-only answers a 503 or 507 problem
/// naming the cause (a page for people to a browser asking for one of the UI's pages), and the hub goes on serving.
/// Other exceptions pass through untouched.
/// </summary>
public sealed class StorageFaultMiddleware(RequestDelegate next, HubOptions options, ILogger<StorageFaultMiddleware> logger)
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
            OperationsLog.StorageFault(logger, e, fault.Status, fault.Detail);
            context.Response.Headers.RetryAfter = StorageFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiProblems.Write(context, fault.Status, fault.Detail);
        }
    }
}
