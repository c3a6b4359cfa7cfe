using System.Text.Json;

namespace Patchbay.Core.Schema;

/// <summary>Builds the JSON paths used in diagnostics: <c>actions[0].input.customer.id</c>, <c>$.customer["first name"]</c>.</summary>
internal static class JsonPaths
{
    public static string Property(string parent, string name)
    {
        if (IsIdentifier(name))
        {
            return parent.Length == 0 ? name : $"{parent}.{name}";
        }

        return $"{parent}[{JsonSerializer.Serialize(name, JsonPathContext.Default.String)}]";
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
