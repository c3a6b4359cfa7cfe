using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Configuration;

/// <summary>GET and PUT /api/v1/connectors/{name}/versions/{major}/environments/{environment}/config.</summary>
public static class ConnectorConfigEndpoints
{
    public const string Route = "/connectors/{name}/versions/{major:int}/environments/{environment}/config";

    public static RouteGroupBuilder MapConnectorConfig(this RouteGroupBuilder api)
    {
        api.MapGet(Route, GetAsync).RequireAuthorization(Policies.Configure)
            .WithName("GetConnectorConfig")
            .WithSummary("The parameter values, timeout and logging of a connector major version in an environment; password-mode values only masked.");
        api.MapPut(Route, PutAsync).RequireAuthorization(Policies.Configure)
            .WithName("UpdateConnectorConfig")
            .WithSummary("Merges changes into the configuration: a parameter not mentioned keeps its value, null removes it, \"********\" keeps a stored secret.");
        return api;
    }

    private static async Task<IResult> GetAsync(string name, int major, string environment, ConnectorConfigEditor editor, CancellationToken cancellationToken)
    {
        var (view, problem) = await editor.GetAsync(name, major, environment, cancellationToken);
        return problem ?? Results.Json(view, HubJson.Options);
    }

    private static async Task<IResult> PutAsync(string name, int major, string environment, JsonObject? body, HttpContext context, ConnectorConfigEditor editor)
    {
        var (view, problem) = await editor.UpdateAsync(name, major, environment, body, Caller.From(context.User), context.RequestAborted);
        return problem ?? Results.Json(view, HubJson.Options);
    }
}
