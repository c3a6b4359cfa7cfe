using System.Text;
using System.Text.RegularExpressions;

namespace Patchbay.OpenApi;

/// <summary>
/// Field names a data tree accepts: XML names (they become XSD elements) without '.', which the REST engine
/// reads as a path inside the inputs when it fills <c>{{name}}</c>.
/// </summary>
internal static partial class FieldNames
{
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    /// <summary>"page[size]" → "page_size", "$top" → "top", "+1" → "plus_1", "2fa" → "_2fa"; a valid name is returned as it is.</summary>
    public static string Sanitize(string name)
    {
        if (IsValid(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 6);
        if (name.StartsWith('+') || name.StartsWith('-'))
        {
            builder.Append(name[0] == '+' ? "plus_" : "minus_");
            name = name[1..];
        }

        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        var cleaned = CollapsedUnderscores().Replace(builder.ToString(), "_").Trim('_', '-');
        if (cleaned.Length == 0)
        {
            return "field";
        }

        return char.IsAsciiLetter(cleaned[0]) ? cleaned : "_" + cleaned;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex("_{2,}")]
    private static partial Regex CollapsedUnderscores();
}
