using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Core.Data;

/// <summary>The words diagnostics use for types and values: "an Integer", "the string \"abc\"".</summary>
internal static class ValueDescriptions
{
    private const int MaxShownLength = 60;

    // Messages are read by people: show "é" rather than "\u00E9". They are never embedded in HTML unencoded.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The expected type of a field, e.g. <c>an Integer</c> or <c>a list of Date</c>.</summary>
    public static string Expected(DataNode node) => node.IsList ? $"a list of {node.Type}" : Expected(node.Type);

    /// <summary>The expected type of one value, e.g. <c>an Object</c>.</summary>
    public static string Expected(DataType type) =>
        type is DataType.Integer or DataType.Object ? $"an {type}" : $"a {type}";

    /// <summary>What was given, e.g. <c>the string "abc"</c>, <c>the number 4.5</c>, <c>an object</c>, <c>null</c>.</summary>
    public static string Given(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string {Shorten(v.ToJsonString(Readable))}",
            JsonValueKind.Number => $"the number {Shorten(v.ToJsonString(Readable))}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        },
        _ => "an unknown value",
    };

    /// <summary>The message for a value of the wrong type: <c>expected an Integer, got the string "abc"</c>.</summary>
    public static string WrongType(string expected, JsonNode? value, string? reason) =>
        reason is null
            ? $"expected {expected}, got {Given(value)}."
            : $"expected {expected}, got {Given(value)} ({reason}).";

    private static string Shorten(string json) =>
        json.Length <= MaxShownLength ? json : string.Concat(json.AsSpan(0, MaxShownLength), "…");
}
