using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// A query string (or form body) built the way Bizagi's engine builds it: the npm <c>qs</c> library's default
/// <c>stringify</c>, as the <c>request</c> library's <c>qs</c> and <c>form</c> options use it.
/// </summary>
/// <remarks>
/// Nested objects become <c>a[b]=1</c>, lists <c>a[0]=x</c>, null <c>a=</c>; empty objects and lists send nothing;
/// keys (brackets included) and values are percent-encoded except <c>A-Z a-z 0-9 - . _ ~</c>. Values are grouped by
/// their top-level name so that setting a name again replaces it in place, as <c>request</c> merges <c>qs</c> into a
/// URL's own query (a JavaScript object keeps a reassigned key where it was).
/// </remarks>
internal sealed class QueryStrings
{
    private readonly List<(string Name, List<KeyValuePair<string, string>> Pairs)> _groups = [];

    public bool IsEmpty => _groups.All(g => g.Pairs.Count == 0);

    /// <summary>Reads a URL's query (without the <c>?</c>); <c>+</c> is a space, as <c>qs.parse</c> reads it.</summary>
    public static QueryStrings Parse(string query)
    {
        var result = new QueryStrings();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Decode(part[(equals + 1)..]);
            result.Group(TopName(key)).Add(KeyValuePair.Create(key, value));
        }

        return result;
    }

    /// <summary>Every property of an object (or element of a list) as <c>qs.stringify</c> writes it; a simple value writes nothing.</summary>
    public static QueryStrings Of(JsonNode? data)
    {
        var result = new QueryStrings();
        result.Merge(data);
        return result;
    }

    /// <summary>Sets each top-level property of <paramref name="data"/>, replacing a value of the same name.</summary>
    public void Merge(JsonNode? data)
    {
        IEnumerable<KeyValuePair<string, JsonNode?>> members = data switch
        {
            JsonObject o => o,
            JsonArray a => a.Select((item, i) => KeyValuePair.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), item)),
            _ => [],
        };
        foreach (var (name, value) in members)
        {
            var pairs = Replace(name);
            Flatten(value, name, pairs);
        }
    }

    /// <summary>Sets one plain name to one value, replacing what it had.</summary>
    public void Set(string name, string value) => Replace(name).Add(KeyValuePair.Create(name, value));

    public override string ToString() =>
        string.Join('&', _groups.SelectMany(g => g.Pairs).Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    /// <summary>qs's encoder: UTF-8, everything but the RFC 3986 unreserved characters as upper-case %XX.</summary>
    public static string Encode(string text) => Uri.EscapeDataString(text);

    private static void Flatten(JsonNode? value, string prefix, List<KeyValuePair<string, string>> into)
    {
        switch (value)
        {
            case null:
                into.Add(KeyValuePair.Create(prefix, ""));
                break;
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Flatten(child, $"{prefix}[{name}]", into);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Flatten(a[i], $"{prefix}[{i}]", into);
                }

                break;
            case JsonValue v:
                into.Add(KeyValuePair.Create(prefix, Text(v)));
                break;
        }
    }

    /// <summary>A simple value as JavaScript's <c>String(v)</c> writes it; numbers keep the text the inputs gave them.</summary>
    public static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    private List<KeyValuePair<string, string>> Replace(string name)
    {
        var pairs = Group(name);
        pairs.Clear();
        return pairs;
    }

    private List<KeyValuePair<string, string>> Group(string name)
    {
        foreach (var group in _groups)
        {
            if (group.Name == name)
            {
                return group.Pairs;
            }
        }

        var pairs = new List<KeyValuePair<string, string>>();
        _groups.Add((name, pairs));
        return pairs;
    }

    private static string TopName(string key)
    {
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? key[..bracket] : key;
    }

    private static string Decode(string text)
    {
        var spaced = text.Replace('+', ' ');
        try
        {
            return Uri.UnescapeDataString(spaced);
        }
        catch (UriFormatException)
        {
            return spaced; // qs keeps what it cannot decode
        }
    }

    /// <summary>The bytes of a form body.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());
}
