using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>The mapping between <see cref="DataType"/> and the built-in XSD types (bizagi-compat §5.4).</summary>
internal static class XsdTypes
{
    private static readonly Dictionary<string, DataType> Known = new(StringComparer.Ordinal)
    {
        ["string"] = DataType.String,
        ["normalizedString"] = DataType.String,
        ["token"] = DataType.String,
        ["anyURI"] = DataType.String,
        ["boolean"] = DataType.Boolean,
        ["byte"] = DataType.Byte,
        ["unsignedByte"] = DataType.Byte,
        ["base64Binary"] = DataType.Byte,
        ["hexBinary"] = DataType.Byte,
        ["date"] = DataType.Date,
        ["dateTime"] = DataType.Date,
        ["decimal"] = DataType.Decimal,
        ["double"] = DataType.Double,
        ["float"] = DataType.Double,
        ["integer"] = DataType.Integer,
        ["int"] = DataType.Integer,
        ["long"] = DataType.Integer,
        ["short"] = DataType.Integer,
        ["unsignedInt"] = DataType.Integer,
        ["unsignedLong"] = DataType.Integer,
        ["unsignedShort"] = DataType.Integer,
        ["positiveInteger"] = DataType.Integer,
        ["negativeInteger"] = DataType.Integer,
        ["nonNegativeInteger"] = DataType.Integer,
        ["nonPositiveInteger"] = DataType.Integer,
    };

    public static string ToXsd(DataType type) => type switch
    {
        DataType.String => "xs:string",
        DataType.Boolean => "xs:boolean",
        DataType.Byte => "xs:byte",
        DataType.Date => "xs:date",
        DataType.Decimal => "xs:decimal",
        DataType.Double => "xs:double",
        DataType.Integer => "xs:integer",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Objects are written as complex elements."),
    };

    /// <summary>Maps the local name of a built-in XSD type; null when Bizagi has no equivalent.</summary>
    public static DataType? FromXsd(string localName) =>
        Known.TryGetValue(localName, out var type) ? type : null;
}
