using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>Occurs attributes and type names: how one element's list, required and type are read.</summary>
internal sealed partial class XsdReader
{
    private (bool IsList, bool IsRequired) ReadOccurs(XElement element, string path)
    {
        var min = (string?)element.Attribute("minOccurs");
        var max = (string?)element.Attribute("maxOccurs");
        var isRequired = false;
        var isList = false;
        if (min is not null)
        {
            if (int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                isRequired = value >= 1;
            }
            else
            {
                Warn(SchemaDiagnosticCodes.InvalidOccurs, path, $"minOccurs=\"{min}\" is not a number; ignored.");
            }
        }

        if (max is not null)
        {
            if (max == "unbounded")
            {
                isList = true;
            }
            else if (int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                isList = value > 1;
            }
            else
            {
                Warn(SchemaDiagnosticCodes.InvalidOccurs, path, $"maxOccurs=\"{max}\" is neither a number nor 'unbounded'; ignored.");
            }
        }

        return (isList, isRequired);
    }

    private DataType ResolveNamedType(XElement context, string typeName, string path, int depth)
    {
        var name = Resolve(context, typeName);
        if (name is not null && name.Namespace == Xs)
        {
            // Bizagi's type="xs:complexType" on an element without a body: an object with no fields.
            return name.LocalName == "complexType"
                ? DataType.Object
                : XsdTypes.FromXsd(name.LocalName) ?? Unknown(typeName, path);
        }

        if (name is not null && depth < MaxTypeDepth && _simpleTypes.TryGetValue(name.LocalName, out var simple))
        {
            return ResolveSimpleType(simple, path, depth + 1);
        }

        return Unknown(typeName, path);
    }

    private DataType ResolveSimpleType(XElement simpleType, string path, int depth) =>
        simpleType.Element(Xs + "restriction") is { } restriction && (string?)restriction.Attribute("base") is { } baseName
            ? ResolveNamedType(restriction, baseName, path, depth)
            : Unknown("(a simple type without a restriction base)", path);

    private DataType Unknown(string typeName, string path)
    {
        Warn(SchemaDiagnosticCodes.UnknownXsdType, path, $"The type '{typeName}' has no Bizagi equivalent; the field is read as String.");
        return DataType.String;
    }

    /// <summary>The name a <c>type</c> or <c>base</c> attribute gives; null when its prefix is not declared or its local part is no XML name.</summary>
    private static XName? Resolve(XElement context, string qualifiedName)
    {
        var colon = qualifiedName.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(qualifiedName[..colon]);
        var local = qualifiedName[(colon + 1)..];
        return ns is null || !IsNCName(local) ? null : ns + local;
    }

    private static bool IsNCName(string name) =>
        name.Length > 0 && XmlConvert.IsStartNCNameChar(name[0]) && name.All(XmlConvert.IsNCNameChar);
}
