using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Configuration;

/// <summary>GET and PUT /api/v1/settings: the platform's proxy, extra trusted CAs, default timeout and history retention.</summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapPlatformSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/settings", GetAsync).RequireAuthorization(Policies.Configure)
            .WithName("GetSettings").WithSummary("The platform settings; a proxy's credentials are shown as ****.");
        api.MapPut("/settings", PutAsync).RequireAuthorization(Policies.Configure)
            .WithName("UpdateSettings").WithSummary("Merges changes into the platform settings and applies them to the runtime.");
        return api;
    }

    private static async Task<IResult> GetAsync(PlatformSettingsEditor editor, CancellationToken cancellationToken) =>
        Results.Json(await editor.GetAsync(cancellationToken), HubJson.Options);

    private static async Task<IResult> PutAsync(JsonObject? body, HttpContext context, PlatformSettingsEditor editor)
    {
        var (view, problem) = await editor.UpdateAsync(body, Caller.From(context.User), context.RequestAborted);
        return problem ?? Results.Json(view, HubJson.Options);
    }
}
