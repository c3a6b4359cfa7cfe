using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// POST /api/v1/connectors/{name}/versions/{major}/environments/{environment}/oauth/authorize starts an
/// authorization; GET /oauth/callback is where the authorization server sends the person back (no API key:
/// the browser brings the unguessable state the start created).
/// </summary>
public static class OAuthConnectionEndpoints
{
    public static RouteGroupBuilder MapOAuthAuthorize(this RouteGroupBuilder api)
    {
        api.MapPost("/connectors/{name}/versions/{major:int}/environments/{environment}/oauth/authorize", StartAsync)
            .RequireAuthorization(Policies.Configure)
            .WithName("StartOAuthAuthorization")
            .WithSummary("Starts connecting an OAuth 2.0 (authorization code) connector in an environment: answers the page to send the person to; optional body {redirectUri}.");
        return api;
    }

    public static IEndpointRouteBuilder MapOAuthCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet(OAuthConnections.CallbackPath, CallbackAsync)
            .AllowAnonymous()
            .WithName("OAuthCallback")
            .WithSummary("The redirect endpoint to register with the authorization server; completes a started authorization and shows the outcome.");
        return app;
    }

    private static async Task<IResult> StartAsync(string name, int major, string environment, JsonObject? body, HttpContext context, OAuthConnections connections)
    {
        var request = context.Request;
        var redirectUri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{OAuthConnections.CallbackPath}");
        if (body?["redirectUri"] is { } given)
        {
            if (given.GetValueKind() != System.Text.Json.JsonValueKind.String
                || !Uri.TryCreate(given.GetValue<string>(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                return ApiProblems.Invalid("The redirect URI is not valid.", [ProblemError.Field("$.redirectUri", "An absolute http or https URL: the hub's /oauth/callback as the authorization server knows it.")]);
            }

            redirectUri = parsed;
        }

        var (start, problem) = await connections.StartAsync(name, major, environment, redirectUri, Caller.From(context.User), context.RequestAborted);
        return problem ?? Results.Json(new { authorizeUrl = start!.AuthorizeUrl, state = start.State, expiresAt = start.ExpiresAt, redirectUri }, HubJson.Options);
    }

    private static async Task<IResult> CallbackAsync(string? state, string? code, string? error, [FromQuery(Name = "error_description")] string? errorDescription, OAuthConnections connections, CancellationToken cancellationToken)
    {
        var (connected, message) = await connections.CompleteAsync(state, code, error, errorDescription, cancellationToken);
        var title = connected ? "Connected" : "Not connected";
        var page = $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Patchbay: {title}</title><h1>{title}</h1><p>{WebUtility.HtmlEncode(message)}</p></html>";
        return Results.Content(page, "text/html; charset=utf-8", statusCode: connected ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
