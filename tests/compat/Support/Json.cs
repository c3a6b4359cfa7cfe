using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchbay.Compat.Tests.Support;

/// <summary>JSON text as JavaScript's JSON.stringify writes it, so expected envelopes read like the contract's.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => node?.ToJsonString(AsWritten) ?? "null";

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, AsWritten);

    /// <summary>Bizagi's envelope around an output: what getResponse(output, null, code) gives.</summary>
    public static string Success(string output, int code = 200, bool autotesting = false) =>
        "{\"response\":{\"outputs\":{\"output\":" + output + ",\"error\":{}}},\"success\":true,\"connectorstatuscode\":" + code + ",\"errormessage\":\"\",\"autotestingenabled\":" + Flag(autotesting) + "}";

    /// <summary>What getResponse(null, null, code, message) gives.</summary>
    public static string Failure(int code, string message, bool autotesting = false) =>
        "{\"response\":{\"outputs\":{\"output\":{},\"error\":{}}},\"success\":false,\"connectorstatuscode\":" + code + ",\"errormessage\":" + JsonSerializer.Serialize(message, AsWritten) + ",\"autotestingenabled\":" + Flag(autotesting) + "}";

    /// <summary>What getResponse(null, error, code[, message]) gives; without a message, the error's JSON is the message.</summary>
    public static string Error(string error, int code, string? message = null) =>
        "{\"response\":{\"outputs\":{\"output\":{},\"error\":" + error + "}},\"success\":false,\"connectorstatuscode\":" + code + ",\"errormessage\":" + Quote(message ?? error) + ",\"autotestingenabled\":false}";

    /// <summary>Bizagi's error object <c>{error, message, status}</c>, keys in that order.</summary>
    public static string ErrorObject(string error, string message, int status) =>
        Text(new JsonObject { ["error"] = error, ["message"] = message, ["status"] = status });

    private static string Flag(bool value) => value ? "true" : "false";
}
