using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// Turns an XML response into the JSON tree the output is mapped from (docs/easy-rest.md, "XML responses").
/// </summary>
/// <remarks>
/// The root element is the output itself (its name is dropped, as a JSON body has none). An element with neither
/// attributes nor child elements becomes its text; any other becomes an object whose properties are its attributes,
/// its child elements (repeated siblings as a list, where the first one stood) and, when it has text beside them,
/// <c>#text</c>. Names are local names (prefixes dropped); an attribute whose name a child element also has is
/// <c>@name</c>; <c>xmlns</c> declarations are left out; <c>xsi:nil="true"</c> is null. Every value is a string: the
/// output tree's types then convert them (<c>"42"</c> to an Integer) as for any output.
/// DTDs are refused, so no entity expansion or external fetch can happen.
/// </remarks>
internal static class XmlToJson
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The tree, or null with the parser's reason.</summary>
    public static (JsonNode? Tree, string? Problem) Convert(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var document = XDocument.Load(reader);
            return (Element(document.Root!), null);
        }
        catch (XmlException e)
        {
            return (null, e.Message);
        }
    }

    private static JsonNode? Element(XElement element)
    {
        if ((string?)element.Attribute(Xsi + "nil") == "true")
        {
            return null;
        }

        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != Xsi).ToList();
        var children = element.Elements().ToList();
        if (attributes.Count == 0 && children.Count == 0)
        {
            return JsonValue.Create(element.Value);
        }

        var result = new JsonObject();
        var childNames = children.Select(c => c.Name.LocalName).ToHashSet(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            var name = childNames.Contains(attribute.Name.LocalName) ? "@" + attribute.Name.LocalName : attribute.Name.LocalName;
            result[name] = attribute.Value;
        }

        foreach (var group in children.GroupBy(c => c.Name.LocalName, StringComparer.Ordinal))
        {
            var values = group.Select(Element).ToList();
            result[group.Key] = values.Count == 1 ? values[0] : new JsonArray([.. values]);
        }

        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (text.Length > 0)
        {
            result["#text"] = text;
        }

        return result;
    }
}
