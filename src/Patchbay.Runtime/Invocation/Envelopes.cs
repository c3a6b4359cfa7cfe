using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchbay.Runtime.Invocation;

/// <summary>Builds Bizagi envelopes for failures Patchbay detects itself, in getResponse's exact shape.</summary>
internal static class Envelopes
{
    public static JsonObject Failure(InvocationOutcome outcome, string message) =>
        Failure(InvocationOutcomes.StatusCode(outcome) ?? -200, InvocationOutcomes.ErrorName(outcome), message);

    public static JsonObject Failure(int status, string error, string message)
    {
        return new JsonObject
        {
            ["response"] = new JsonObject
            {
                ["outputs"] = new JsonObject
                {
                    ["output"] = new JsonObject(),
                    ["error"] = new JsonObject { ["error"] = error, ["message"] = message, ["status"] = status },
                },
            },
            ["success"] = false,
            ["connectorstatuscode"] = status,
            ["errormessage"] = message,
            ["autotestingenabled"] = false,
        };
    }

    /// <summary>Bizagi's reading of an envelope: success only when <c>success</c> is true and the code is 2xx (bizagi-compat §5.5).</summary>
    public static bool IsSuccess(JsonObject envelope) =>
        envelope["success"] is JsonValue success && success.TryGetValue<bool>(out var ok) && ok
        && envelope["connectorstatuscode"] is JsonValue code && code.GetValueKind() == JsonValueKind.Number
        && double.TryParse(code.ToJsonString(), CultureInfo.InvariantCulture, out var status) && status is >= 200 and < 300; // numbers made in C# and parsed ones alike

    public static JsonNode? Output(JsonObject envelope) => envelope["response"]?["outputs"]?["output"];
}
