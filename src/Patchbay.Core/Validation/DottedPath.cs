using System.Text.RegularExpressions;

namespace Patchbay.Core.Validation;

/// <summary>
/// The syntax of a path into a response body (<c>resultPath</c>, <c>itemsPath</c>, <c>nextPath</c>): names
/// separated by dots, each optionally followed by list indexes (<c>data.items</c>, <c>results[0].id</c>,
/// <c>[0]</c> for the first element of a body that is a list). No segment may be empty.
/// </summary>
internal static partial class DottedPath
{
    public static bool IsValid(string path) => PathPattern().IsMatch(path);

    // A name is anything but '.', '[' and ']' (JSON keys may hold spaces or '-'); an index is digits in brackets.
    [GeneratedRegex(@"^(?:[^.\[\]]+|\[[0-9]+\])(?:\[[0-9]+\])*(?:\.[^.\[\]]+(?:\[[0-9]+\])*)*$")]
    private static partial Regex PathPattern();
}
