using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Rest;

/// <summary>Fills <c>{{name}}</c> placeholders and resolves an action's URL against the connector's base URI.</summary>
internal static partial class RestUrls
{
    /// <summary>The URL an action calls, placeholders filled (URL-encoded); the base URI for a custom action; null when neither is absolute.</summary>
    public static Uri? Target(ConnectorDefinition connector, RestRequest? rest, JsonObject input, IReadOnlyDictionary<string, string> connectorParameters)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var relative = rest is null ? "" : Fill(rest.Url, input, connectorParameters, Uri.EscapeDataString);
        return Resolve(connector.BaseUri, relative);
    }

    /// <summary>An absolute URL is kept; a relative one is appended to the base URI (its path kept, one slash between).</summary>
    public static Uri? Resolve(string baseUri, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        if (baseUri.Length == 0)
        {
            return null;
        }

        var joined = url.Length == 0 ? baseUri : baseUri.TrimEnd('/') + "/" + url.TrimStart('/');
        return Uri.TryCreate(joined, UriKind.Absolute, out var resolved) ? resolved : null;
    }

    /// <summary>Names used by placeholders in a template, in order.</summary>
    public static IEnumerable<string> Placeholders(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value.Trim());

    /// <summary>Replaces each <c>{{name}}</c> with an input (a dotted path into the inputs) or else a Connector parameter; unknown names become empty.</summary>
    public static string Fill(string template, JsonObject input, IReadOnlyDictionary<string, string> connectorParameters, Func<string, string> encode)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(encode);
        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value.Trim();
            var value = Text(Lookup(input, name)) ?? connectorParameters.GetValueOrDefault(name) ?? "";
            return encode(value);
        });
    }

    /// <summary>The input at a dotted path, or null.</summary>
    /// <summary>True when the template has placeholders and none of them has a value (an optional input not given).</summary>
    public static bool NothingToFill(string template, JsonObject input, IReadOnlyDictionary<string, string> connectorParameters)
    {
        var names = Placeholders(template).ToList();
        return names.Count > 0 && names.All(name => Lookup(input, name) is null && !connectorParameters.ContainsKey(name));
    }

    public static JsonNode? Lookup(JsonObject input, string path)
    {
        JsonNode? node = input;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v => v.GetValueKind() == JsonValueKind.True ? "true" : v.GetValueKind() == JsonValueKind.False ? "false" : v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\{\{([^{}]+)\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
