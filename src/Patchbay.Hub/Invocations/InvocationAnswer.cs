using System.Text.Json.Nodes;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>What the API answers for an invocation: Bizagi's envelope, the shaped output, and the id to find it in the history.</summary>
public sealed record InvocationAnswer(
    Guid InvocationId,
    string Connector,
    string Version,
    string Action,
    string? Environment,
    InvocationOutcome Outcome,
    bool Success,
    double DurationMs,
    JsonObject Envelope,
    JsonNode? Output,
    string? FailureMessage);

/// <summary>Why an invocation could not even start: what the API answers instead (404, 403, 400).</summary>
public sealed record InvocationRefusal(int Status, string Detail, IReadOnlyList<Api.ProblemError>? Errors = null);
