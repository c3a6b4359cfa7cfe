using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;
using Patchbay.Hub.Jobs;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// The body of an invoke request: which environment's configuration to run with, and the action's inputs;
/// with <c>?mode=async</c> also the retry policy and a callback URL.
/// </summary>
public sealed record InvokeBody(string? Environment, JsonNode? Inputs, RetryBody? Retry = null, string? CallbackUrl = null)
{
    /// <summary>Reads and checks the body; a 400 naming each field at fault.</summary>
    /// <param name="bytes">The request body.</param>
    /// <param name="isAsync">Whether this is <c>?mode=async</c> (retry and callback allowed).</param>
    /// <param name="callbackHosts">The hosts callbacks may go to (<see cref="HubOptions.CallbackHosts"/>); empty for any.</param>
    public static (InvokeBody? Body, IResult? Error) Parse(byte[] bytes, bool isAsync, IReadOnlyList<string> callbackHosts)
    {
        InvokeBody? body;
        try
        {
            body = bytes.Length == 0 ? null : JsonSerializer.Deserialize<InvokeBody>(bytes, HubJson.Options);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid("The body is not valid JSON.", [ProblemError.Field(e.Path ?? "$", e.Message)]));
        }

        var errors = new List<ProblemError>();
        if (body?.Environment is not { Length: > 0 })
        {
            errors.Add(ProblemError.Field("$.environment", "Required: the name of an environment (Development, Test, Production, or one added)."));
        }

        if (!isAsync && (body?.Retry is not null || body?.CallbackUrl is not null))
        {
            errors.Add(ProblemError.Field(body?.Retry is not null ? "$.retry" : "$.callbackUrl", "Only for async invocations (?mode=async)."));
        }

        if (body?.Retry is { } retry)
        {
            if (retry.Attempts is < 1 or > 10)
            {
                errors.Add(ProblemError.Field("$.retry.attempts", "Between 1 and 10."));
            }

            if (retry.BackoffSeconds is < 0 or > 3600)
            {
                errors.Add(ProblemError.Field("$.retry.backoffSeconds", "Between 0 and 3600 seconds."));
            }
        }

        if (isAsync && body?.CallbackUrl is { } url && CallbackUrls.Refusal(url, callbackHosts) is { } refusal)
        {
            errors.Add(ProblemError.Field("$.callbackUrl", refusal));
        }

        return errors.Count > 0
            ? (null, ApiProblems.Invalid(errors[0].Path == "$.environment" ? "The environment to run with is required." : "The request is not valid.", errors))
            : (body, null);
    }
}

/// <summary>How often an async job is tried (1–10 attempts) and the wait before the second (0–3600 s, doubled after each failure).</summary>
public sealed record RetryBody(int? Attempts, int? BackoffSeconds);
