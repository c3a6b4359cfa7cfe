using System.Text.Json.Nodes;

namespace Patchbay.Runtime.Rest;

/// <summary>A read response: its body tree, or the envelope of a failure with the message for people.</summary>
internal sealed record RestOutcome(JsonNode? Body, JsonObject? Envelope, string? Problem, int Status)
{
    public static RestOutcome Read(JsonNode body, int status) => new(body, null, null, status);

    public static RestOutcome Failed(JsonObject envelope, string? problem) => new(null, envelope, problem, 0);

    public static RestOutcome Succeeded(JsonNode? output, int status) => new(output, RestEnvelopes.Success(output, status), null, status);

    public static RestOutcome Collected(JsonArray items, int status) => new(items, RestEnvelopes.Success(items, status), null, status);
}
