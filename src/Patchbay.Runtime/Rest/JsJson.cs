using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// JavaScript's <c>JSON.stringify</c> of a JSON tree: no spaces, non-ASCII characters as they are, only <c>"</c>,
/// <c>\</c>, control characters and lone surrogates escaped (lower-case <c>\u00xx</c>). System.Text.Json's writer
/// escapes more (<c>&lt;</c>, <c>'</c>, non-ASCII), which would change bodies and Bizagi's <c>errormessage</c> texts.
/// </summary>
/// <remarks>Numbers are written as their JSON text; JavaScript would round them through a double (docs/easy-rest.md).</remarks>
internal static class JsJson
{
    public static string Stringify(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject o:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in o)
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    Quote(text, name);
                    text.Append(':');
                    Write(text, value);
                }

                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(text, a[i]);
                }

                text.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                Quote(text, v.GetValue<string>());
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    var lone = (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])))
                               || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])));
                    if (c < 0x20 || lone)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
