using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Security;

/// <summary>User accounts of the web UI: create, list, revoke, set a new password. Admin only.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Administer).WithTags("Users");
        users.MapPost("", CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Creates a user account of a role for the web UI; the password (12 characters at least) is never shown again.")
            .Produces<UserView>(StatusCodes.Status201Created);
        users.MapGet("", ListAsync)
            .WithName("ListUsers")
            .WithSummary("Lists user accounts (name, role, created, revoked), never a password or its hash.")
            .Produces<IReadOnlyList<UserView>>();
        users.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("RevokeUser")
            .WithSummary("Revokes a user account at once, ending its sessions; the last active admin (key or user) cannot be revoked.")
            .Produces(StatusCodes.Status204NoContent);
        users.MapPost("/{id:guid}/password", SetPasswordAsync)
            .WithName("SetUserPassword")
            .WithSummary("Sets a new password for a user account (12 characters at least).")
            .Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateUserBody? body, HttpContext context, UserAdmin users) =>
        (await users.CreateAsync(body, Caller.From(context.User), context.RequestAborted)).ToResult(StatusCodes.Status201Created);

    private static async Task<IResult> ListAsync(UserAdmin users, CancellationToken cancellationToken) =>
        Results.Json(await users.ListAsync(cancellationToken), HubJson.Options);

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext context, UserAdmin users) =>
        (await users.RevokeAsync(id, Caller.From(context.User), context.RequestAborted)).ToResult(StatusCodes.Status204NoContent);

    private static async Task<IResult> SetPasswordAsync(Guid id, SetPasswordBody? body, HttpContext context, UserAdmin users) =>
        (await users.SetPasswordAsync(id, body, Caller.From(context.User), context.RequestAborted)).ToResult(StatusCodes.Status204NoContent);
}
