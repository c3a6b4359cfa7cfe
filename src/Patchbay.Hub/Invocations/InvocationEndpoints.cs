using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Invocations;

/// <summary>POST /api/v1/connectors/{name}/versions/{major}/actions/{action}/invoke.</summary>
public static class InvocationEndpoints
{
    public static RouteGroupBuilder MapInvocations(this RouteGroupBuilder api)
    {
        api.MapPost("/connectors/{name}/versions/{major:int}/actions/{action}/invoke", InvokeAsync)
            .RequireAuthorization(Policies.Invoke)
            .WithName("Invoke")
            .WithSummary("Runs an action of an installed connector's major version with an environment's configuration and returns Bizagi's envelope.");
        return api;
    }

    private static async Task<IResult> InvokeAsync(string name, int major, string action, InvokeBody? body, HttpContext context, InvocationService invocations)
    {
        if (body?.Environment is not { Length: > 0 } environment)
        {
            return ApiProblems.Invalid("The environment to run with is required.", [ProblemError.Field("$.environment", "Required: the name of an environment (Development, Test, Production, or one added).")]);
        }

        var command = new InvocationCommand(Caller.From(context.User), name, major, action, environment, body.Inputs);
        var (answer, refusal) = await invocations.InvokeAsync(command, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal.Errors is { Count: > 0 } errors && refusal.Status == StatusCodes.Status400BadRequest
                ? ApiProblems.Invalid(refusal.Detail, errors)
                : ApiProblems.Problem(refusal.Status, refusal.Detail);
        }

        context.Response.Headers["Patchbay-Invocation-Id"] = answer!.InvocationId.ToString();
        return Results.Json(answer, HubJson.Options);
    }
}
