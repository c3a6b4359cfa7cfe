using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Tests.Schema;

public sealed class XsdSchemaCodecWriteTests
{
    private const string Header =
        """<?xml version="1.0" encoding="utf-8"?><xs:schema xmlns="http://tempuri.org/XMLSchema1.xsd" xmlns:mstns="http://tempuri.org/XMLSchema1.xsd" xmlns:xs="http://www.w3.org/2001/XMLSchema" id="XMLSchema1" targetNamespace="http://tempuri.org/XMLSchema1.xsd" elementFormDefault="qualified">""";

    [Fact]
    public void WriteInput_TwoStrings_WritesBizagiLayout()
    {
        var xsd = XsdSchemaCodec.WriteInput([DataNode.Leaf("title", DataType.String), DataNode.Leaf("body", DataType.String)]);

        xsd.ShouldBe(
            Header
            + """<xs:element name="inputs" type="xs:complexType"><xs:complexType><xs:sequence>"""
            + """<xs:element name="input" type="xs:complexType"><xs:complexType><xs:sequence>"""
            + """<xs:element name="title" type="xs:string" /><xs:element name="body" type="xs:string" />"""
            + """</xs:sequence></xs:complexType></xs:element>"""
            + """</xs:sequence></xs:complexType></xs:element></xs:schema>""");
    }

    [Fact]
    public void WriteOutput_DefaultError_WritesOutputAndErrorSiblings()
    {
        var xsd = XsdSchemaCodec.WriteOutput([DataNode.Leaf("id", DataType.Integer)], DataTrees.DefaultError);

        xsd.ShouldBe(
            Header
            + """<xs:element name="outputs" type="xs:complexType"><xs:complexType><xs:sequence>"""
            + """<xs:element name="output" type="xs:complexType"><xs:complexType><xs:sequence>"""
            + """<xs:element name="id" type="xs:integer" />"""
            + """</xs:sequence></xs:complexType></xs:element>"""
            + """<xs:element name="error" type="xs:complexType"><xs:complexType><xs:sequence>"""
            + """<xs:element name="error" type="xs:string" /><xs:element name="message" type="xs:string" />"""
            + """<xs:element name="status" type="xs:integer" />"""
            + """</xs:sequence></xs:complexType></xs:element>"""
            + """</xs:sequence></xs:complexType></xs:element></xs:schema>""");
    }

    [Theory]
    [InlineData(DataType.String, "xs:string")]
    [InlineData(DataType.Boolean, "xs:boolean")]
    [InlineData(DataType.Byte, "xs:byte")]
    [InlineData(DataType.Date, "xs:date")]
    [InlineData(DataType.Decimal, "xs:decimal")]
    [InlineData(DataType.Double, "xs:double")]
    [InlineData(DataType.Integer, "xs:integer")]
    public void WriteInput_LeafType_WritesXsdType(DataType type, string xsdType) =>
        XsdSchemaCodec.WriteInput([DataNode.Leaf("f", type)]).ShouldContain($"""<xs:element name="f" type="{xsdType}" />""");

    [Theory]
    [InlineData(false, false, """<xs:element name="f" type="xs:string" />""")]
    [InlineData(false, true, """<xs:element name="f" type="xs:string" minOccurs="1" />""")]
    [InlineData(true, false, """<xs:element name="f" type="xs:string" minOccurs="0" maxOccurs="unbounded" />""")]
    [InlineData(true, true, """<xs:element name="f" type="xs:string" minOccurs="1" maxOccurs="unbounded" />""")]
    public void WriteInput_ListAndRequired_WritesOccurs(bool isList, bool isRequired, string expected) =>
        XsdSchemaCodec.WriteInput([DataNode.Leaf("f", DataType.String, isList, isRequired)]).ShouldContain(expected);

    [Fact]
    public void WriteInput_ListOfObjects_WritesComplexElementWithOccurs()
    {
        var xsd = XsdSchemaCodec.WriteInput([DataNode.Object("items", [DataNode.Leaf("sku", DataType.String)], isList: true)]);

        xsd.ShouldContain(
            """<xs:element name="items" type="xs:complexType" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>"""
            + """<xs:element name="sku" type="xs:string" /></xs:sequence></xs:complexType></xs:element>""");
    }

    [Fact]
    public void WriteInput_NameWithXmlSpecials_EscapesAttribute() =>
        XsdSchemaCodec.WriteInput([DataNode.Leaf("a<&\">b", DataType.String)])
            .ShouldContain("""name="a&lt;&amp;&quot;&gt;b" """);

    [Fact]
    public void ToBase64_Xsd_RoundTripsThroughFromBase64()
    {
        var xsd = XsdSchemaCodec.WriteInput([DataNode.Leaf("título", DataType.String)]);

        var decoded = XsdSchemaCodec.FromBase64(XsdSchemaCodec.ToBase64(xsd), "def/connector.json", "xsdinput");

        decoded.Text.ShouldBe(xsd);
        decoded.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void ToBase64_Xsd_IsUtf8WithoutByteOrderMark() =>
        Convert.FromBase64String(XsdSchemaCodec.ToBase64("<a/>")).ShouldBe("<a/>"u8.ToArray());
}
