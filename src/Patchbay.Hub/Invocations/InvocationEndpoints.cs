using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Api;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Operations;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Invocations;

/// <summary>POST /api/v1/connectors/{name}/versions/{major}/actions/{action}/invoke[?mode=async], with an optional Idempotency-Key.</summary>
public static class InvocationEndpoints
{
    public static RouteGroupBuilder MapInvocations(this RouteGroupBuilder api)
    {
        api.MapPost("/connectors/{name}/versions/{major:int}/actions/{action}/invoke", InvokeAsync)
            .RequireAuthorization(Policies.Invoke)
            .AdmitInvocations()
            .Accepts<InvokeBody>("application/json")
            .WithName("Invoke")
            .WithSummary("Runs an action of an installed connector's major version with an environment's configuration and returns Bizagi's envelope; with ?mode=async accepts a job at once (202).");
        return api;
    }

    private static async Task<IResult> InvokeAsync(string name, int major, string action, string? mode, HttpContext context, InvocationService invocations, IdempotencyStore idempotency, JobScheduler scheduler, HubOptions options, TimeProvider time)
    {
        var isAsync = mode switch
        {
            null or "sync" => false,
            "async" => true,
            _ => (bool?)null,
        };
        if (isAsync is null)
        {
            return ApiProblems.Invalid("Unknown mode.", [ProblemError.Field("query.mode", "Either sync (the default) or async.")]);
        }

        var bytes = await ReadBodyAsync(context);
        var (body, bodyError) = InvokeBody.Parse(bytes, isAsync.Value, options.CallbackHosts);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var idempotencyKey = context.Request.Headers[IdempotencyStore.Header].ToString();
        if (context.Request.Headers.ContainsKey(IdempotencyStore.Header) && idempotencyKey.Length is 0 or > IdempotencyStore.MaxKeyLength)
        {
            return ApiProblems.Invalid("The Idempotency-Key header is not valid.", [ProblemError.Field("header.Idempotency-Key", $"Between 1 and {IdempotencyStore.MaxKeyLength} characters.")]);
        }

        var caller = Caller.From(context.User);
        var command = new InvocationCommand(caller, name, major, action, body!.Environment!, body.Inputs) { Mode = isAsync.Value ? InvocationModes.Async : InvocationModes.Sync };
        var rowKey = idempotencyKey.Length > 0 ? IdempotencyStore.RowKey(caller.KeyId, idempotencyKey) : null;
        var requestHash = IdempotencyStore.RequestHash(context.Request.Method, context.Request.Path + context.Request.QueryString, bytes);
        return isAsync.Value
            ? await AcceptJobAsync(command, body, rowKey, requestHash, context, invocations, idempotency, scheduler, time)
            : await InvokeNowAsync(command, rowKey, requestHash, context, invocations, idempotency);
    }

    private static async Task<IResult> InvokeNowAsync(InvocationCommand command, string? rowKey, string requestHash, HttpContext context, InvocationService invocations, IdempotencyStore idempotency)
    {
        if (rowKey is not null)
        {
            var claim = await idempotency.ClaimAsync(rowKey, requestHash, null, context.RequestAborted);
            if (!claim.IsClaimed)
            {
                return await ReplayAsync(claim, context);
            }
        }

        try
        {
            var (answer, refusal) = await invocations.InvokeAsync(command, context.RequestAborted);
            if (refusal is not null)
            {
                if (rowKey is not null)
                {
                    await idempotency.ReleaseAsync(rowKey);
                }

                return Refused(refusal);
            }

            if (rowKey is not null)
            {
                await idempotency.CompleteAsync(rowKey, answer!.InvocationId);
            }

            context.Response.Headers["Patchbay-Invocation-Id"] = answer!.InvocationId.ToString();
            return Results.Json(answer, HubJson.Options);
        }
        catch when (rowKey is not null)
        {
            await idempotency.ReleaseAsync(rowKey); // it did not run to a recorded end: a retry runs afresh
            throw;
        }
    }

    private static async Task<IResult> AcceptJobAsync(InvocationCommand command, InvokeBody body, string? rowKey, string requestHash, HttpContext context, InvocationService invocations, IdempotencyStore idempotency, JobScheduler scheduler, TimeProvider time)
    {
        if (await invocations.CheckAsync(command, context.RequestAborted) is { } refusal)
        {
            return Refused(refusal);
        }

        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            State = JobStates.Queued,
            RequestJson = JobRequest.From(command).ToJson(),
            Caller = command.Caller.Name,
            MaxAttempts = body.Retry?.Attempts ?? 1,
            BackoffSeconds = body.Retry?.BackoffSeconds ?? 0,
            CallbackUrl = body.CallbackUrl,
            CreatedAt = time.GetUtcNow(),
        };
        if (rowKey is not null)
        {
            var claim = await idempotency.ClaimAsync(rowKey, requestHash, job, context.RequestAborted);
            if (!claim.IsClaimed)
            {
                return await ReplayAsync(claim, context);
            }
        }
        else
        {
            var db = context.RequestServices.GetRequiredService<HubDb>();
            db.Jobs.Add(job);
            await db.SaveChangesAsync(context.RequestAborted);
        }

        scheduler.EnqueueAttempt(job.Id, 1, TimeSpan.Zero);
        return Accepted(job.Id);
    }

    private static async Task<IResult> ReplayAsync(IdempotencyClaim claim, HttpContext context)
    {
        if (claim.IsMismatch)
        {
            return ApiProblems.Problem(StatusCodesFor.UnprocessableContent, "This Idempotency-Key was used with another request; use a new key for a new request.");
        }

        context.Response.Headers[IdempotencyStore.ReplayedHeader] = "true";
        if (claim.First!.JobId is { } jobId)
        {
            return Accepted(jobId);
        }

        var db = context.RequestServices.GetRequiredService<HubDb>();
        var record = await db.Invocations.FindAsync([claim.First.InvocationId], context.RequestAborted);
        if (record is null)
        {
            return ApiProblems.Problem(StatusCodesFor.Conflict, "The first request with this Idempotency-Key ran, but its invocation is no longer in the history.");
        }

        context.Response.Headers["Patchbay-Invocation-Id"] = record.Id.ToString();
        return Results.Json(InvocationAnswers.FromRecord(record), HubJson.Options);
    }

    private static IResult Accepted(Guid jobId)
    {
        var statusUrl = $"/api/v1/jobs/{jobId}";
        return Results.Json(new JobAccepted(jobId, statusUrl), HubJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Refused(InvocationRefusal refusal) =>
        refusal.Errors is { Count: > 0 } errors && refusal.Status == StatusCodes.Status400BadRequest
            ? ApiProblems.Invalid(refusal.Detail, errors)
            : ApiProblems.Problem(refusal.Status, refusal.Detail);

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}

/// <summary>The answer to an accepted async invocation: poll <see cref="StatusUrl"/>.</summary>
public sealed record JobAccepted(Guid JobId, string StatusUrl);
