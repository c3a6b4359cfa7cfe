using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Core.Data;

/// <summary>Converts one simple JSON value to the normal form of a Bizagi type, without losing anything.</summary>
/// <remarks>The rules are the tables of <c>docs/inputs.md</c>; input coercion and output shaping share them.</remarks>
internal static class SimpleValues
{
    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>.</summary>
    /// <param name="value">A JSON string, number or boolean (objects and arrays are the caller's business).</param>
    /// <param name="type">Any type but <see cref="DataType.Object"/>.</param>
    /// <param name="converted">The normal form, a new node.</param>
    /// <param name="reason">Why the value was refused, when there is more to say than its type; null otherwise.</param>
    public static bool TryConvert(JsonValue value, DataType type, out JsonNode converted, out string? reason)
    {
        reason = null;
        converted = JsonValue.Create(false);
        var kind = value.GetValueKind();
        var text = kind switch
        {
            JsonValueKind.String => StringOf(value),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };

        JsonNode? result = (type, kind) switch
        {
            (DataType.String, JsonValueKind.String) => JsonValue.Create(text),
            (DataType.String, JsonValueKind.Number) => JsonValue.Create(text),
            (DataType.String, JsonValueKind.True or JsonValueKind.False) => JsonValue.Create(kind == JsonValueKind.True ? "true" : "false"),
            (DataType.Boolean, JsonValueKind.True or JsonValueKind.False) => JsonValue.Create(kind == JsonValueKind.True),
            (DataType.Boolean, JsonValueKind.String) => Boolean(text!.Trim()),
            (DataType.Integer, JsonValueKind.String or JsonValueKind.Number) => Integer(text!.Trim(), out reason),
            (DataType.Byte, JsonValueKind.String or JsonValueKind.Number) => Byte(text!.Trim(), out reason),
            (DataType.Decimal, JsonValueKind.String or JsonValueKind.Number) => Decimal(text!.Trim(), out reason),
            (DataType.Double, JsonValueKind.String or JsonValueKind.Number) => Double(text!.Trim(), out reason),
            (DataType.Date, JsonValueKind.String) => Date(text!.Trim(), out reason),
            _ => null,
        };

        if (result is null)
        {
            reason ??= type == DataType.Boolean && kind == JsonValueKind.Number ? "use true or false; 0 and 1 are not read as Booleans" : null;
            return false;
        }

        converted = result;
        return true;
    }

    /// <summary>True if <paramref name="value"/> is a string of valid base64, which a Byte list accepts as file content.</summary>
    public static bool IsBase64(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String && Base64.IsValid(StringOf(value));

    private static string StringOf(JsonValue value) =>
        value.TryGetValue<string>(out var s) ? s : JsonNode.Parse(value.ToJsonString())!.GetValue<string>();

    private static JsonValue? Boolean(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(true)
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(false)
        : null;

    private static JsonNode? Integer(string text, out string? reason)
    {
        reason = null;
        if (!NumberText.TryParse(text, out var number))
        {
            return null;
        }

        var integer = number.ToInteger();
        reason = integer is null ? (number.ToPlain() is null ? "out of range" : "it has a fraction") : null;
        return integer is null ? null : Number(integer);
    }

    private static JsonNode? Byte(string text, out string? reason)
    {
        var integer = Integer(text, out reason);
        if (integer is null)
        {
            return null;
        }

        var ok = long.TryParse(integer.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b)
            && b is >= sbyte.MinValue and <= byte.MaxValue;
        reason = ok ? null : "a Byte is -128..255";
        return ok ? integer : null;
    }

    private static JsonNode? Decimal(string text, out string? reason)
    {
        reason = null;
        if (!NumberText.TryParse(text, out var number))
        {
            reason = text.Contains(',', StringComparison.Ordinal) ? "the decimal separator is '.'" : null;
            return null;
        }

        var plain = number.ToPlain();
        reason = plain is null ? "out of range" : null;
        return plain is null ? null : Number(plain);
    }

    private static JsonNode? Double(string text, out string? reason)
    {
        reason = null;
        if (!NumberText.TryParse(text, out var number))
        {
            reason = text.Contains(',', StringComparison.Ordinal) ? "the decimal separator is '.'" : null;
            return null;
        }

        var json = number.ToJson();
        var finite = double.IsFinite(double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture));
        reason = finite ? null : "out of range for a Double";
        return finite ? Number(json) : null;
    }

    private static JsonValue? Date(string text, out string? reason)
    {
        var ok = DateText.TryNormalize(text, out var normalized);
        reason = ok ? null : "use ISO 8601, e.g. 2024-05-01 or 2024-05-01T10:20:30+02:00";
        return ok ? JsonValue.Create(normalized) : null;
    }

    // Parsed from the text, so the value keeps every digit: no double or decimal in between.
    private static JsonNode Number(string json) => JsonNode.Parse(json)!;
}
