using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Tests.Schema;

public sealed class XsdSchemaCodecParseTests
{
    private const string File = "def/connector.json";

    [Fact]
    public void ParseInput_BizagiSample_ReadsStringsListsAndNestedObjects()
    {
        var result = XsdSchemaCodec.ParseInput(BizagiXsdSamples.Input, File, "xsdinput");

        result.Diagnostics.ShouldBeEmpty();
        result.Inputs.ShouldBe(
        [
            DataNode.Leaf("title", DataType.String),
            DataNode.Leaf("body", DataType.String),
            DataNode.Object("tags", [DataNode.Leaf("label", DataType.String), DataNode.Leaf("weight", DataType.Decimal)], isList: true),
            DataNode.Object("author", [DataNode.Leaf("id", DataType.Integer), DataNode.Object("address", [DataNode.Leaf("city", DataType.String)])]),
        ]);
    }

    [Fact]
    public void ParseOutput_BizagiSample_ReadsOutputAndErrorTrees()
    {
        var result = XsdSchemaCodec.ParseOutput(BizagiXsdSamples.Output, File, "xsdoutput");

        result.Diagnostics.ShouldBeEmpty();
        result.Outputs.ShouldBe([DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("created", DataType.Date)]);
        result.Errors.ShouldBe(DataTrees.DefaultError);
    }

    [Fact]
    public void ParseOutput_NoErrorElement_ReturnsDefaultError()
    {
        var xsd = BizagiXsdSamples.Schema(
            """<xs:element name="outputs" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="output" type="xs:complexType"><xs:complexType><xs:sequence /></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element>""");

        var result = XsdSchemaCodec.ParseOutput(xsd, File, "xsdoutput");

        result.Errors.ShouldBe(DataTrees.DefaultError);
        result.Outputs.ShouldBeEmpty();
        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void ParseOutput_EmptyErrorElement_ReturnsEmptyErrorTree()
    {
        var xsd = XsdSchemaCodec.WriteOutput([], []);

        XsdSchemaCodec.ParseOutput(xsd, File, "xsdoutput").Errors.ShouldBeEmpty();
    }

    [Fact]
    public void ParseInput_NoInputElement_ReturnsEmptyTreeWithoutDiagnostics()
    {
        var xsd = BizagiXsdSamples.Schema("""<xs:element name="inputs" type="xs:complexType"><xs:complexType><xs:sequence /></xs:complexType></xs:element>""");

        var result = XsdSchemaCodec.ParseInput(xsd, File, "xsdinput");

        result.Inputs.ShouldBeEmpty();
        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void ParseInput_NoInputsWrapper_WarnsMissingElement()
    {
        var result = XsdSchemaCodec.ParseInput(BizagiXsdSamples.Schema(string.Empty), File, "xsdinput");

        result.Inputs.ShouldBeEmpty();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.MissingElement);
    }

    [Fact]
    public void ParseInput_InvalidXml_ReportsErrorWithLineAndPosition()
    {
        var result = XsdSchemaCodec.ParseInput("<root>\n  <oops", File, "actions[0].xsdinput");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.InvalidXsd);
        diagnostic.IsError.ShouldBeTrue();
        diagnostic.Location.File.ShouldBe(File);
        diagnostic.Location.Path.ShouldNotBeNull().ShouldStartWith("actions[0].xsdinput: line 2, position");
        result.HasErrors.ShouldBeTrue();
        result.Inputs.ShouldBeEmpty();
    }

    [Fact]
    public void ParseInput_RootIsNotSchema_ReportsInvalidXsd() =>
        XsdSchemaCodec.ParseInput("<inputs/>", File, "xsdinput").Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.InvalidXsd);

    [Fact]
    public void ParseInput_ElementWithoutTypeOrChildren_ReadsString() =>
        Parse("""<xs:element name="note" />""").ShouldBe([DataNode.Leaf("note", DataType.String)]);

    [Theory]
    [InlineData("xs:int", DataType.Integer)]
    [InlineData("xs:long", DataType.Integer)]
    [InlineData("xs:short", DataType.Integer)]
    [InlineData("xs:unsignedInt", DataType.Integer)]
    [InlineData("xs:nonNegativeInteger", DataType.Integer)]
    [InlineData("xs:float", DataType.Double)]
    [InlineData("xs:dateTime", DataType.Date)]
    [InlineData("xs:base64Binary", DataType.Byte)]
    [InlineData("xs:unsignedByte", DataType.Byte)]
    [InlineData("xs:normalizedString", DataType.String)]
    public void ParseInput_CommonXsdType_MapsToBizagiType(string xsdType, DataType expected) =>
        Parse($"""<xs:element name="f" type="{xsdType}" />""").ShouldBe([DataNode.Leaf("f", expected)]);

    [Fact]
    public void ParseInput_UnknownType_ReadsStringAndWarnsWithPath()
    {
        var result = XsdSchemaCodec.ParseInput(
            BizagiXsdSamples.InputWith("""<xs:element name="customer" type="xs:complexType"><xs:complexType><xs:sequence><xs:element name="at" type="xs:time" /></xs:sequence></xs:complexType></xs:element>"""),
            File,
            "xsdinput");

        result.Inputs.ShouldBe([DataNode.Object("customer", [DataNode.Leaf("at", DataType.String)])]);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.UnknownXsdType);
        diagnostic.IsError.ShouldBeFalse();
        diagnostic.Location.ShouldBe(new Location(File, "xsdinput: inputs/input/customer/at"));
        diagnostic.Message.ShouldContain("xs:time");
    }

    [Theory]
    [InlineData("""minOccurs="1" """, false, true)]
    [InlineData("""minOccurs="0" """, false, false)]
    [InlineData("", false, false)]
    [InlineData("""maxOccurs="unbounded" """, true, false)]
    [InlineData("""maxOccurs="5" """, true, false)]
    [InlineData("""minOccurs="2" maxOccurs="1" """, false, true)]
    public void ParseInput_Occurs_ReadsListAndRequired(string occurs, bool isList, bool isRequired) =>
        Parse($"""<xs:element name="f" type="xs:string" {occurs}/>""").ShouldBe([DataNode.Leaf("f", DataType.String, isList, isRequired)]);

    [Fact]
    public void ParseInput_BadOccurs_WarnsAndIgnores()
    {
        var result = XsdSchemaCodec.ParseInput(BizagiXsdSamples.InputWith("""<xs:element name="f" type="xs:string" maxOccurs="many" />"""), File, "xsdinput");

        result.Inputs.ShouldBe([DataNode.Leaf("f", DataType.String)]);
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.InvalidOccurs);
    }

    [Fact]
    public void ParseInput_NamedComplexType_FollowsTheReference()
    {
        var fields = Parse(
            """<xs:element name="customer" type="mstns:Customer" maxOccurs="unbounded" />""",
            """<xs:complexType name="Customer"><xs:sequence><xs:element name="id" type="xs:int" /></xs:sequence></xs:complexType>""");

        fields.ShouldBe([DataNode.Object("customer", [DataNode.Leaf("id", DataType.Integer)], isList: true)]);
    }

    [Fact]
    public void ParseInput_NamedSimpleType_UsesRestrictionBase() =>
        Parse(
            """<xs:element name="code" type="Code" />""",
            """<xs:simpleType name="Code"><xs:restriction base="xs:int"><xs:minInclusive value="0" /></xs:restriction></xs:simpleType>""")
        .ShouldBe([DataNode.Leaf("code", DataType.Integer)]);

    [Fact]
    public void ParseInput_RecursiveNamedType_WarnsAndStops()
    {
        var result = XsdSchemaCodec.ParseInput(
            BizagiXsdSamples.InputWith(
                """<xs:element name="node" type="Node" />""",
                """<xs:complexType name="Node"><xs:sequence><xs:element name="child" type="Node" /></xs:sequence></xs:complexType>"""),
            File,
            "xsdinput");

        result.Inputs.ShouldBe([DataNode.Object("node", [DataNode.Object("child", [])])]);
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.UnsupportedXsd);
    }

    [Fact]
    public void ParseInput_DuplicateField_KeepsFirstAndWarns()
    {
        var result = XsdSchemaCodec.ParseInput(
            BizagiXsdSamples.InputWith("""<xs:element name="a" type="xs:int" /><xs:element name="a" type="xs:string" />"""), File, "xsdinput");

        result.Inputs.ShouldBe([DataNode.Leaf("a", DataType.Integer)]);
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.DuplicateField);
    }

    [Fact]
    public void ParseInput_ElementRef_WarnsAndSkips()
    {
        var result = XsdSchemaCodec.ParseInput(BizagiXsdSamples.InputWith("""<xs:element ref="other" />"""), File, "xsdinput");

        result.Inputs.ShouldBeEmpty();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.UnsupportedXsd);
    }

    [Fact]
    public void ParseInput_ComplexTypeAttributeWithoutBody_ReadsEmptyObject() =>
        Parse("""<xs:element name="meta" type="xs:complexType" />""").ShouldBe([DataNode.Object("meta", [])]);

    [Fact]
    public void ParseInputBase64_BadBase64_ReportsInvalidBase64()
    {
        var result = XsdSchemaCodec.ParseInputBase64("not base64!", File, "actions[1].xsdinput");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.InvalidBase64);
        diagnostic.Location.ShouldBe(new Location(File, "actions[1].xsdinput"));
    }

    [Fact]
    public void FromBase64_InvalidUtf8_ReportsInvalidBase64() =>
        XsdSchemaCodec.FromBase64(Convert.ToBase64String([0xC3, 0x28]), File, "xsdinput")
            .Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.InvalidBase64);

    [Fact]
    public void ParseOutputBase64_BizagiSample_ReadsTrees() =>
        XsdSchemaCodec.ParseOutputBase64(XsdSchemaCodec.ToBase64(BizagiXsdSamples.Output), File, "xsdoutput")
            .Outputs.Count.ShouldBe(2);

    private static ValueList<DataNode> Parse(string fields, string extraTopLevel = "")
    {
        var result = XsdSchemaCodec.ParseInput(BizagiXsdSamples.InputWith(fields, extraTopLevel), File, "xsdinput");
        result.Diagnostics.ShouldBeEmpty();
        return result.Inputs;
    }
}
