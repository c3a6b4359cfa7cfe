using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Patchbay.Core.Data;

/// <summary>
/// A path into a response body (<c>resultPath</c>, pagination's <c>itemsPath</c> and <c>nextPath</c>): names
/// separated by dots, each optionally followed by list indexes (<c>data.items</c>, <c>results[0].id</c>,
/// <c>[0]</c> for the first element of a body that is a list), after an optional <c>$.</c>. No segment may be
/// empty. One grammar for the validator and the REST engine, so a path that validates is the path that runs.
/// </summary>
public static partial class ResponsePath
{
    public static bool IsValid(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return PathPattern().IsMatch(WithoutRoot(path));
    }

    /// <summary>
    /// The node at <paramref name="path"/> (the root for an empty path); false when the path is invalid or a step
    /// is missing (a null value is found, not missing).
    /// </summary>
    public static bool TrySelect(JsonNode? root, string path, out JsonNode? found)
    {
        ArgumentNullException.ThrowIfNull(path);
        found = path.Length == 0 ? root : null;
        if (path.Length == 0)
        {
            return true;
        }

        if (!IsValid(path))
        {
            return false;
        }

        var node = root;
        foreach (Match step in Step().Matches(WithoutRoot(path)))
        {
            if (step.Groups["index"].Success)
            {
                if (!int.TryParse(step.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || node is not JsonArray array || index >= array.Count)
                {
                    return false;
                }

                node = array[index];
            }
            else if (node is not JsonObject o || !o.TryGetPropertyValue(step.Groups["name"].Value, out node))
            {
                return false;
            }
        }

        found = node;
        return true;
    }

    private static string WithoutRoot(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // A name is anything but '.', '[' and ']' (JSON keys may hold spaces or '-'); an index is digits in brackets.
    [GeneratedRegex(@"^(?:[^.\[\]]+|\[[0-9]+\])(?:\[[0-9]+\])*(?:\.[^.\[\]]+(?:\[[0-9]+\])*)*$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>[0-9]+)\]")]
    private static partial Regex Step();
}
