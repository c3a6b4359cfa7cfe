using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Security;

/// <summary>API keys: create (shown once), list, revoke. Admin only.</summary>
public static class KeyEndpoints
{
    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").RequireAuthorization(Policies.Administer).WithTags("Keys");
        keys.MapPost("", CreateAsync)
            .WithName("CreateKey")
            .WithSummary("Creates an API key of a role; the answer is the only time the key is shown.")
            .Produces<CreatedKeyView>(StatusCodes.Status201Created);
        keys.MapGet("", ListAsync)
            .WithName("ListKeys")
            .WithSummary("Lists API keys (prefix, role, created, revoked), never a key or its hash.")
            .Produces<IReadOnlyList<KeyView>>();
        keys.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("RevokeKey")
            .WithSummary("Revokes an API key at once; the last active admin (key or user) cannot be revoked.")
            .Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateKeyBody? body, HttpContext context, KeyAdmin keys) =>
        (await keys.CreateAsync(body, Caller.From(context.User), context.RequestAborted)).ToResult(StatusCodes.Status201Created);

    private static async Task<IResult> ListAsync(KeyAdmin keys, CancellationToken cancellationToken) =>
        Results.Json(await keys.ListAsync(cancellationToken), HubJson.Options);

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext context, KeyAdmin keys) =>
        (await keys.RevokeAsync(id, Caller.From(context.User), context.RequestAborted)).ToResult(StatusCodes.Status204NoContent);
}
