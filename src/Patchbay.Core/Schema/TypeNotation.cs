using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>The GraphQL-like type notation of <c>connector.json</c>: <c>Integer!</c>, <c>[Date]</c>, <c>[Object]!</c>.</summary>
internal static class TypeNotation
{
    public static string ValidTypes { get; } = string.Join(", ", Enum.GetNames<DataType>());

    public static string Format(DataType type, bool isList, bool isRequired)
    {
        var name = type.ToString();
        var core = isList ? $"[{name}]" : name;
        return isRequired ? core + "!" : core;
    }

    /// <summary>Parses the notation; the type names are exactly the <see cref="DataType"/> names.</summary>
    public static bool TryParse(string text, out DataType type, out bool isList, out bool isRequired)
    {
        var core = text;
        isRequired = core.EndsWith('!');
        if (isRequired)
        {
            core = core[..^1];
        }

        isList = core.StartsWith('[') && core.EndsWith(']');
        if (isList)
        {
            core = core[1..^1];
        }

        type = default;
        var names = Enum.GetNames<DataType>();
        var index = Array.IndexOf(names, core);
        if (index < 0)
        {
            return false;
        }

        type = Enum.GetValues<DataType>()[index];
        return true;
    }
}
