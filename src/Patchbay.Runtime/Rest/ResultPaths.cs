using System.Globalization;
using System.Text.Json.Nodes;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// Dotted paths into a response body: <c>data.items</c>, <c>results[0].id</c>, <c>[2]</c>; an optional leading
/// <c>$.</c> is allowed. Used by <c>resultPath</c> and by pagination's <c>itemsPath</c> and <c>nextPath</c>.
/// </summary>
internal static class ResultPaths
{
    /// <summary>The node at <paramref name="path"/>; false when a step is missing (a null value is found, not missing).</summary>
    public static bool TrySelect(JsonNode? root, string path, out JsonNode? found)
    {
        found = root;
        foreach (var step in Steps(path))
        {
            if (step.Index is { } index)
            {
                if (found is not JsonArray array || index < 0 || index >= array.Count)
                {
                    found = null;
                    return false;
                }

                found = array[index];
            }
            else if (found is JsonObject o && o.TryGetPropertyValue(step.Name!, out var child))
            {
                found = child;
            }
            else
            {
                found = null;
                return false;
            }
        }

        return true;
    }

    private static List<(string? Name, int? Index)> Steps(string path)
    {
        var steps = new List<(string?, int?)>();
        var text = path.Trim();
        text = text.StartsWith("$.", StringComparison.Ordinal) ? text[2..] : text.StartsWith('$') ? text[1..] : text;
        foreach (var part in text.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                steps.Add((name, null));
            }

            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                var inner = close < 0 ? part[(bracket + 1)..] : part[(bracket + 1)..close];
                steps.Add(int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? (null, i) : (inner.Trim('"', '\''), null));
                bracket = close < 0 ? -1 : part.IndexOf('[', close);
            }
        }

        return steps;
    }
}
