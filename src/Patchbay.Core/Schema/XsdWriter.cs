using System.Text;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>Writes data trees as Bizagi's XSD text, element by element, in Bizagi's own layout.</summary>
/// <remarks>
/// Written by hand rather than with <see cref="System.Xml.XmlWriter"/> so that the header, the attribute order and
/// the <c>" /&gt;"</c> of empty elements are byte for byte what the Connector Editor produces.
/// </remarks>
internal sealed class XsdWriter
{
    private readonly StringBuilder _text = new(XsdConstants.Header);

    public void StartComplex(string name, bool isList = false, bool isRequired = false)
    {
        _text.Append("<xs:element name=\"").Append(Escape(name)).Append("\" type=\"xs:complexType\"");
        AppendOccurs(isList, isRequired);
        _text.Append("><xs:complexType><xs:sequence>");
    }

    public void EndComplex() => _text.Append("</xs:sequence></xs:complexType></xs:element>");

    public void WriteFields(ValueList<DataNode> fields)
    {
        foreach (var field in fields)
        {
            if (field.Type == DataType.Object)
            {
                StartComplex(field.Name, field.IsList, field.IsRequired);
                WriteFields(field.Children);
                EndComplex();
            }
            else
            {
                _text.Append("<xs:element name=\"").Append(Escape(field.Name))
                    .Append("\" type=\"").Append(XsdTypes.ToXsd(field.Type)).Append('"');
                AppendOccurs(field.IsList, field.IsRequired);
                _text.Append(" />");
            }
        }
    }

    public override string ToString() => new StringBuilder().Append(_text).Append(XsdConstants.Footer).ToString();

    private void AppendOccurs(bool isList, bool isRequired)
    {
        if (isList)
        {
            _text.Append(isRequired ? " minOccurs=\"1\"" : " minOccurs=\"0\"").Append(" maxOccurs=\"unbounded\"");
        }
        else if (isRequired)
        {
            _text.Append(" minOccurs=\"1\"");
        }
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                // Attribute-value normalisation would turn raw whitespace controls into spaces.
                '\t' or '\n' or '\r' => builder.Append("&#x").Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(';'),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
