using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Packaging;

/// <summary>
/// Reads typed fields from a JSON object and reports a wrong or missing one as a diagnostic naming
/// its JSON path, so that one pass over a file finds every problem.
/// </summary>
internal sealed class JsonFields(string file, DiagnosticList diagnostics)
{
    // A JsonObject with a repeated name throws when enumerated; reject it while parsing instead.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    // Far beyond any limit validation allows; the bound only keeps the conversion to ticks safe.
    private const decimal MaxSeconds = 100_000_000m;

    public DiagnosticList Diagnostics => diagnostics;

    public string File => file;

    public string String(JsonObject obj, string key, string path, bool required = false, string fallback = "")
    {
        var node = obj[key];
        if (node is null)
        {
            if (required)
            {
                diagnostics.Error("missing-property", At(path, key), $"'{key}' is required.");
            }

            return fallback;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        diagnostics.Error("wrong-json-type", At(path, key), $"'{key}' must be a string, not {Describe(node)}.");
        return fallback;
    }

    public bool Boolean(JsonObject obj, string key, string path, bool fallback = false)
    {
        var node = obj[key];
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        // Older tooling writes "true"/"false" as strings.
        if (node is JsonValue text && text.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed))
        {
            return parsed;
        }

        diagnostics.Error("wrong-json-type", At(path, key), $"'{key}' must be true or false, not {Describe(node)}.");
        return fallback;
    }

    /// <summary>A whole number that fits an <see cref="int"/>.</summary>
    public int Integer(JsonObject obj, string key, string path, int fallback)
    {
        var node = obj[key];
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue value && value.TryGetValue<int>(out var number))
        {
            return number;
        }

        var what = node.GetValueKind() == JsonValueKind.Number ? node.ToJsonString() : Describe(node);
        diagnostics.Error("wrong-json-type", At(path, key), $"'{key}' must be a whole number (up to {int.MaxValue:N0}), not {what}.");
        return fallback;
    }

    /// <summary>A duration written as a number of seconds, fractions allowed; null when absent or wrong.</summary>
    public TimeSpan? Seconds(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || !value.TryGetValue<decimal>(out var seconds))
        {
            var what = node.GetValueKind() == JsonValueKind.Number ? node.ToJsonString() : Describe(node);
            diagnostics.Error("wrong-json-type", At(path, key), $"'{key}' must be a number of seconds, not {what}.");
            return null;
        }

        if (Math.Abs(seconds) > MaxSeconds)
        {
            diagnostics.Error("number-out-of-range", At(path, key), $"'{key}' is {seconds} seconds; a duration cannot exceed {MaxSeconds:N0} seconds.");
            return null;
        }

        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
    }

    /// <summary>A duration as a JSON number of seconds: whole seconds without a fraction, others exact to the tick.</summary>
    public static JsonNode SecondsNode(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return JsonValue.Create(duration.Ticks / TimeSpan.TicksPerSecond);
        }

        // Dividing by 1.000… drops the trailing zeros a decimal keeps (1.5000000 → 1.5).
        var seconds = (decimal)duration.Ticks / TimeSpan.TicksPerSecond / 1.0000000000000000000000000000m;
        return JsonValue.Create(seconds);
    }

    /// <summary>Warns about properties of <paramref name="obj"/> outside <paramref name="known"/>: they are ignored (often a typo).</summary>
    public void WarnUnknown(JsonObject obj, string path, IReadOnlyList<string> known)
    {
        foreach (var (key, _) in obj)
        {
            if (!known.Contains(key))
            {
                diagnostics.Warning("unknown-property", At(path, key), $"'{key}' is not a property here and is ignored; known: {string.Join(", ", known)}.");
            }
        }
    }

    public JsonObject? Object(JsonObject obj, string key, string path, bool required = false)
    {
        var node = obj[key];
        if (node is JsonObject o)
        {
            return o;
        }

        if (node is not null)
        {
            diagnostics.Error("wrong-json-type", At(path, key), $"'{key}' must be an object, not {Describe(node)}.");
        }
        else if (required)
        {
            diagnostics.Error("missing-property", At(path, key), $"'{key}' is required.");
        }

        return null;
    }

    /// <summary>The objects of an array property, each with its own path (<c>actions[2]</c>).</summary>
    public IEnumerable<(JsonObject Item, string Path, int Index)> Objects(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            yield break;
        }

        if (node is not JsonArray array)
        {
            diagnostics.Error("wrong-json-type", At(path, key), $"'{key}' must be an array, not {Describe(node)}.");
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{Join(path, key)}[{i}]";
            if (array[i] is JsonObject item)
            {
                yield return (item, itemPath, i);
            }
            else
            {
                diagnostics.Error("wrong-json-type", new Location(file, itemPath), $"Each element of '{key}' must be an object, not {Describe(array[i])}.");
            }
        }
    }

    public IEnumerable<string> Strings(JsonObject obj, string key, string path)
    {
        if (obj[key] is not JsonArray array)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                yield return text;
            }
            else
            {
                diagnostics.Error("wrong-json-type", new Location(file, $"{Join(path, key)}[{i}]"), $"Each element of '{key}' must be a string.");
            }
        }
    }

    /// <summary>An authentication method name (<c>none</c>, <c>basic</c>, ... <c>custom</c>).</summary>
    public AuthenticationMethod Method(JsonObject obj, string key, string path, bool required = false)
    {
        var name = String(obj, key, path, required, fallback: "none");
        if (!WireNames.TryParseMethod(name, out var method))
        {
            diagnostics.Error("unknown-authentication-method", At(path, key), $"'{name}' is not an authentication method; use one of {WireNames.AuthenticationMethods}.");
        }

        return method;
    }

    /// <summary>An optional OAuth 2.0 grant name; null when absent or empty.</summary>
    public OAuth2Grant? Grant(JsonObject obj, string key, string path)
    {
        var name = String(obj, key, path);
        if (name.Length == 0)
        {
            return null;
        }

        if (WireNames.TryParseGrant(name, out var grant))
        {
            return grant;
        }

        diagnostics.Error("unknown-oauth2-grant", At(path, key), $"'{name}' is not an OAuth 2.0 grant; use one of {WireNames.OAuth2Grants}.");
        return null;
    }

    /// <summary>A connector type name (<c>custom</c> or <c>rest</c>).</summary>
    public ConnectorType ConnectorType(JsonObject obj, string key)
    {
        var name = String(obj, key, "", fallback: "custom");
        if (!WireNames.TryParseConnectorType(name, out var type))
        {
            diagnostics.Error("unknown-connector-type", At(key), $"'{name}' is not a connector type; use custom or rest.");
        }

        return type;
    }

    public Location At(string path, string? key = null) => new(file, key is null ? path : Join(path, key));

    public static JsonObject? ParseObject(string text, string file, DiagnosticList diagnostics)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: DocumentOptions);
            if (node is JsonObject obj)
            {
                return obj;
            }

            diagnostics.Error("wrong-json-type", new Location(file, "$"), $"The file must hold a JSON object, not {Describe(node)}.");
        }
        catch (JsonException e)
        {
            diagnostics.Error("invalid-json", new Location(file, $"line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}"), $"Not valid JSON: {FirstSentence(e.Message)}");
        }

        return null;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "an undefined value",
    };
}
