using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Invocations;

/// <summary>GET /api/v1/stats: what the dashboard shows, for scripts and monitoring.</summary>
public static class StatsEndpoints
{
    public static RouteGroupBuilder MapInvocationStats(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", GetAsync)
            .RequireAuthorization(Policies.ReadHistory)
            .WithName("GetInvocationStats")
            .WithSummary("Per connector over a window (window=hour|day|week, default hour): invocations per bucket, success rate and p50/p95/p99 latency in ms.")
            .Produces<StatsReport>();
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext context, InvocationStats stats)
    {
        var reader = new QueryReader(context.Request.Query);
        var window = reader.Parsed("window", StatsWindows.Parse, "One of hour, day, week.") ?? StatsWindow.Hour;
        return reader.Errors.Count > 0
            ? ApiProblems.Invalid("The stats query has a bad parameter.", reader.Errors)
            : Results.Json(await stats.ComputeAsync(window, context.RequestAborted), HubJson.Options);
    }
}

/// <summary>Window names as the API and the dashboard's URL spell them.</summary>
public static class StatsWindows
{
    /// <summary>hour, day or week (any case); null for anything else.</summary>
    public static StatsWindow? Parse(string text) =>
        Enum.TryParse<StatsWindow>(text, ignoreCase: true, out var window) && !int.TryParse(text, out _) ? window : null;
}
