using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>GET /api/v1/jobs/{id}: an async job's state and, once done, its answer.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.ReadOwnHistory)
            .WithName("GetJob")
            .WithSummary("An async job's state, attempts and callback state, with the last attempt's answer once it is done. Invokers see their own jobs; admins and operators see all.");
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, HubDb db, JobStatusReader reader)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, context.RequestAborted);
        if (job is null || !OwnOrHistory.MayRead(Caller.From(context.User), job.Caller))
        {
            return ApiProblems.NotFound($"There is no job {id}.");
        }

        return Results.Json(await reader.ReadAsync(job, context.RequestAborted), HubJson.Options);
    }
}
