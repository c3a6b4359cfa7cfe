using System.Text.Json.Nodes;

using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// A read response: its body tree, or the envelope of a failure with the message for people and its kind (the API's
/// answer, no answer, or a problem reading it).
/// </summary>
internal sealed record RestOutcome(JsonNode? Body, JsonObject? Envelope, string? Problem, int Status, InvocationOutcome Kind = InvocationOutcome.Succeeded)
{
    public static RestOutcome Read(JsonNode body, int status) => new(body, null, null, status);

    public static RestOutcome Failed(JsonObject envelope, string? problem, InvocationOutcome kind = InvocationOutcome.ConnectorReportedFailure) => new(null, envelope, problem, 0, kind);

    public static RestOutcome Succeeded(JsonNode? output, int status) => new(output, RestEnvelopes.Success(output, status), null, status);

    public static RestOutcome Collected(JsonArray items, int status) => new(items, RestEnvelopes.Success(items, status), null, status);
}
