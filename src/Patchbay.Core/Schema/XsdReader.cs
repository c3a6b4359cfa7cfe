using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>Reads the fields of Bizagi's XSDs with LINQ to XML, tolerating what Bizagi and hand-written files do.</summary>
/// <remarks>
/// Not <see cref="System.Xml.Schema.XmlSchema"/>: Bizagi's <c>type="xs:complexType"</c> attribute is invalid XSD and
/// must be ignored, not rejected.
/// </remarks>
internal sealed partial class XsdReader
{
    private const int MaxTypeDepth = 32;

    private static readonly XNamespace Xs = XsdConstants.Xs;

    private readonly string _file;
    private readonly string _pathPrefix;
    private readonly DiagnosticList _diagnostics;
    private readonly Dictionary<string, XElement> _complexTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XElement> _simpleTypes = new(StringComparer.Ordinal);
    private readonly HashSet<XElement> _expanding = [];

    private XsdReader(XElement schema, string file, string pathPrefix, DiagnosticList diagnostics)
    {
        Schema = schema;
        _file = file;
        _pathPrefix = pathPrefix;
        _diagnostics = diagnostics;
        foreach (var type in schema.Elements(Xs + "complexType"))
        {
            _ = _complexTypes.TryAdd((string?)type.Attribute("name") ?? string.Empty, type);
        }

        foreach (var type in schema.Elements(Xs + "simpleType"))
        {
            _ = _simpleTypes.TryAdd((string?)type.Attribute("name") ?? string.Empty, type);
        }
    }

    public XElement Schema { get; }

    /// <summary>Parses the text; null (with an <c>invalid-xsd</c> error) when it is not XML or not a schema.</summary>
    public static XsdReader? Load(string xsd, string file, string pathPrefix, DiagnosticList diagnostics)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xsd, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber}, position {e.LinePosition}");
            diagnostics.Error(SchemaDiagnosticCodes.InvalidXsd, Locate(file, pathPrefix, where), $"The XSD is not well-formed XML: {e.Message}");
            return null;
        }

        if (document.Root is not { } root || root.Name != Xs + "schema")
        {
            diagnostics.Error(SchemaDiagnosticCodes.InvalidXsd, Locate(file, pathPrefix, null), $"The root element is <{document.Root?.Name.LocalName}>, not <xs:schema>.");
            return null;
        }

        return new XsdReader(root, file, pathPrefix, diagnostics);
    }

    /// <summary>The element of that name among the schema's top-level elements or a complex element's fields.</summary>
    public XElement? FindElement(XElement? parent, string name) =>
        (parent is null ? Schema.Elements(Xs + "element") : Particles(parent))
            .FirstOrDefault(e => (string?)e.Attribute("name") == name);

    public void Warn(string code, string? path, string message) => _diagnostics.Warning(code, Locate(_file, _pathPrefix, path), message);

    /// <summary>The fields of a complex element; empty for an element with no content.</summary>
    public ValueList<DataNode> ReadFields(XElement element, string path)
    {
        if (ContentType(element) is not { } type)
        {
            return [];
        }

        if (!_expanding.Add(type))
        {
            Warn(SchemaDiagnosticCodes.UnsupportedXsd, path, $"The type '{(string?)type.Attribute("name")}' contains itself; the inner use has no fields.");
            return [];
        }

        try
        {
            return ReadParticles(type, path);
        }
        finally
        {
            _ = _expanding.Remove(type);
        }
    }

    private ValueList<DataNode> ReadParticles(XElement type, string path)
    {
        var fields = new List<DataNode>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in Groups(type))
        {
            if (ReadField(child, path) is not { } field)
            {
                continue;
            }

            if (names.Add(field.Name))
            {
                fields.Add(field);
            }
            else
            {
                Warn(SchemaDiagnosticCodes.DuplicateField, $"{path}/{field.Name}", $"The field '{field.Name}' appears more than once; the later one is dropped.");
            }
        }

        return fields.ToValueList();
    }

    private static Location Locate(string file, string prefix, string? path) =>
        new(file, (prefix.Length, path) switch
        {
            (0, _) => path,
            (_, null) => prefix,
            _ => $"{prefix}: {path}",
        });

    private DataNode? ReadField(XElement element, string parentPath)
    {
        if ((string?)element.Attribute("name") is not { Length: > 0 } name)
        {
            var reference = (string?)element.Attribute("ref");
            Warn(SchemaDiagnosticCodes.UnsupportedXsd, parentPath, reference is null
                ? "An element without a name was skipped."
                : $"The element reference '{reference}' is not supported and was skipped.");
            return null;
        }

        var path = $"{parentPath}/{name}";
        var (isList, isRequired) = ReadOccurs(element, path);
        if (ContentType(element) is not null)
        {
            return DataNode.Object(name, ReadFields(element, path), isList, isRequired);
        }

        var type = element.Element(Xs + "simpleType") is { } simple
            ? ResolveSimpleType(simple, path, 0)
            : (string?)element.Attribute("type") is { } typeName
                ? ResolveNamedType(element, typeName, path, 0)
                : DataType.String;
        return type == DataType.Object
            ? DataNode.Object(name, [], isList, isRequired)
            : DataNode.Leaf(name, type, isList, isRequired);
    }

    /// <summary>The <c>xs:complexType</c> giving an element's fields: inline, or named at schema level.</summary>
    private XElement? ContentType(XElement element)
    {
        if (element.Element(Xs + "complexType") is { } inline)
        {
            return inline;
        }

        return (string?)element.Attribute("type") is { } typeName
            && Resolve(element, typeName) is { } name
            && name.Namespace != Xs
            && _complexTypes.TryGetValue(name.LocalName, out var named)
                ? named
                : null;
    }

    /// <summary>The <c>xs:element</c>s of a complex element's content, through nested sequences, choices and alls.</summary>
    private IEnumerable<XElement> Particles(XElement element) =>
        ContentType(element) is { } type ? Groups(type) : [];

    private static IEnumerable<XElement> Groups(XElement container)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name == Xs + "element")
            {
                yield return child;
            }
            else if (child.Name == Xs + "sequence" || child.Name == Xs + "choice" || child.Name == Xs + "all")
            {
                foreach (var nested in Groups(child))
                {
                    yield return nested;
                }
            }
        }
    }
}
