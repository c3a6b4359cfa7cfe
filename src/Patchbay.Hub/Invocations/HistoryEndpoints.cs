using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Invocations;

/// <summary>GET /api/v1/invocations (filtered, paged, newest first) and GET /api/v1/invocations/{id}.</summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapInvocationHistory(this RouteGroupBuilder api)
    {
        api.MapGet("/invocations", ListAsync)
            .RequireAuthorization(Policies.ReadHistory)
            .WithName("ListInvocations")
            .WithSummary("The invocation history, newest first: filter by connector, action, environment, status (succeeded|failed), outcome, caller, from, to, jobId; page and pageSize (at most 200).");
        api.MapGet("/invocations/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.ReadOwnHistory)
            .WithName("GetInvocation")
            .WithSummary("One invocation with its inputs, envelope, logs and HTTP calls, secrets masked. Invokers see their own.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, InvocationHistory history)
    {
        var (filter, errors) = HistoryFilter.Parse(context.Request.Query);
        if (filter is null)
        {
            return ApiProblems.Invalid("A filter of the history is not valid.", errors);
        }

        return Results.Json(await history.ListAsync(filter, context.RequestAborted), HubJson.Options);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, InvocationHistory history)
    {
        var record = await history.FindAsync(id, Caller.From(context.User), context.RequestAborted);
        return record is null
            ? ApiProblems.NotFound($"There is no invocation {id}.")
            : Results.Json(InvocationDetail.From(record), HubJson.Options);
    }
}

/// <summary>One page of the history and how many rows the filter keeps in all.</summary>
public sealed record HistoryPage(IReadOnlyList<InvocationSummary> Items, int Total, int Page, int PageSize);

/// <summary>A history row without its payloads.</summary>
public sealed record InvocationSummary(
    Guid Id,
    string Connector,
    int Major,
    string Version,
    string Action,
    string? Environment,
    string Mode,
    string Caller,
    DateTimeOffset StartedAt,
    double DurationMs,
    string Outcome,
    bool Success,
    int StatusCode,
    string? ErrorMessage,
    Guid? JobId,
    int Attempt,
    string? Node)
{
    public static InvocationSummary From(InvocationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.ConnectorName, r.Major, r.Version, r.Action, r.Environment, r.Mode, r.Caller, r.StartedAt, r.DurationMilliseconds, r.Outcome, r.Success, r.StatusCode, r.ErrorMessage, r.JobId, r.Attempt, r.Node);
    }
}

/// <summary>A history row with its payloads, as recorded (secrets were masked before they were stored).</summary>
public static class InvocationDetail
{
    /// <summary>The summary's fields plus inputs, envelope, logs and httpCalls.</summary>
    public static JsonObject From(InvocationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var detail = (JsonObject)JsonSerializer.SerializeToNode(InvocationSummary.From(r), HubJson.Options)!;
        detail["inputs"] = Json(r.InputsJson);
        detail["envelope"] = Json(r.EnvelopeJson);
        detail["logs"] = Json(r.LogsJson);
        detail["httpCalls"] = Json(r.HttpCallsJson);
        return detail;
    }

    private static JsonNode? Json(string? text) => text is null ? null : JsonNode.Parse(text);
}
