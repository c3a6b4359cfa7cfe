using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Configuration;

/// <summary>GET, POST /api/v1/environments and DELETE /api/v1/environments/{name}: <see cref="Environments"/> over HTTP.</summary>
public static class EnvironmentEndpoints
{
    public static RouteGroupBuilder MapEnvironments(this RouteGroupBuilder api)
    {
        // Authors read the list too (ReadConnectors covers operators and admins), to know where a connector can run.
        api.MapGet("/environments", ListAsync).RequireAuthorization(Policies.ReadConnectors)
            .WithName("ListEnvironments").WithSummary("Lists the environments: the built-in Development, Test and Production, and those added.");
        api.MapPost("/environments", CreateAsync).RequireAuthorization(Policies.Configure)
            .WithName("CreateEnvironment").WithSummary("Adds an environment (name: 1-50 letters, digits, '-', '_' or spaces; unique without regard to case).");
        api.MapDelete("/environments/{name}", DeleteAsync).RequireAuthorization(Policies.Configure)
            .WithName("DeleteEnvironment").WithSummary("Deletes an added environment and every connector configuration of it; built-ins cannot be deleted.");
        return api;
    }

    private static async Task<IResult> ListAsync(Environments environments, CancellationToken cancellationToken) =>
        Results.Json(await environments.ListAsync(cancellationToken), HubJson.Options);

    private static async Task<IResult> CreateAsync(EnvironmentBody? body, HttpContext context, Environments environments)
    {
        var (created, problem) = await environments.CreateAsync(body, Caller.From(context.User), context.RequestAborted);
        return problem ?? Results.Json(created, HubJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteAsync(string name, HttpContext context, Environments environments) =>
        await environments.DeleteAsync(name, Caller.From(context.User), context.RequestAborted) ?? Results.NoContent();
}
