using System.Text.Json.Nodes;
using Patchbay.Core.Data;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Data;

public sealed class OutputShaperTests
{
    private static readonly ValueList<DataNode> Tree =
    [
        DataNode.Leaf("id", DataType.Integer),
        DataNode.Leaf("name", DataType.String),
        DataNode.Leaf("created", DataType.Date),
        DataNode.Object(
            "orders",
            [DataNode.Leaf("total", DataType.Decimal), DataNode.Object("lines", [DataNode.Leaf("sku", DataType.String)], isList: true)],
            isList: true),
    ];

    private static OutputShapeResult Shape(string raw) => OutputShaper.Shape(JsonNode.Parse(raw), Tree);

    [Fact]
    public void Shape_ExtraFields_AreDroppedAtEveryLevel()
    {
        var result = Shape(
            """{"id":1,"etag":"x","orders":[{"total":2.5,"currency":"EUR","lines":[{"sku":"A","qty":3}]}],"links":{"self":"/1"}}""");

        result.Diagnostics.ShouldBeEmpty();
        result.Output.Json().ShouldBe("""{"id":1,"orders":[{"total":2.5,"lines":[{"sku":"A"}]}]}""");
    }

    [Fact]
    public void Shape_SimpleValues_AreConvertedLosslessly()
    {
        var result = Shape("""{"id":"42","name":7,"created":"2024-05-01T10:20:30+02:00","orders":[{"total":"12345678901234567890.123"}]}""");

        result.Diagnostics.ShouldBeEmpty();
        result.Output.Json().ShouldBe(
            """{"id":42,"name":"7","created":"2024-05-01T10:20:30.0000000+02:00","orders":[{"total":12345678901234567890.123}]}""");
    }

    [Fact]
    public void Shape_NullsAndAbsentFields_StayAsTheyAre() =>
        Shape("""{"name":null,"orders":[null]}""").Output.Json().ShouldBe("""{"name":null,"orders":[null]}""");

    [Fact]
    public void Shape_Mismatches_AreKeptAndWarnedWithTheirPaths()
    {
        var result = Shape("""{"id":"abc","created":"yesterday","orders":[{"total":"1,5","lines":"none"},{"lines":[{"sku":{}}]}]}""");

        result.Output.Json().ShouldBe(
            """{"id":"abc","created":"yesterday","orders":[{"total":"1,5","lines":["none"]},{"lines":[{"sku":{}}]}]}""");
        result.Diagnostics.Select(d => (d.Severity, d.Code, d.Location)).ShouldBe(
        [
            (DiagnosticSeverity.Warning, "output-type-mismatch", new Location("output", "$.id")),
            (DiagnosticSeverity.Warning, "output-type-mismatch", new Location("output", "$.created")),
            (DiagnosticSeverity.Warning, "output-type-mismatch", new Location("output", "$.orders[0].total")),
            (DiagnosticSeverity.Warning, "output-type-mismatch", new Location("output", "$.orders[0].lines[0]")),
            (DiagnosticSeverity.Warning, "output-type-mismatch", new Location("output", "$.orders[1].lines[0].sku")),
        ]);
        result.Diagnostics[0].Message.ShouldBe("expected an Integer, got the string \"abc\". It is passed on as it is.");
    }

    [Fact]
    public void Shape_OneValueWhereAListIsExpected_IsWrappedInAList()
    {
        var result = Shape("""{"orders":{"total":1,"lines":{"sku":"A"}}}""");

        result.Diagnostics.ShouldBeEmpty();
        result.Output.Json().ShouldBe("""{"orders":[{"total":1,"lines":[{"sku":"A"}]}]}""");
    }

    [Fact]
    public void Shape_ListWhereOneValueIsExpected_IsKeptAndWarned()
    {
        var result = Shape("""{"id":[1,2]}""");

        result.Output.Json().ShouldBe("""{"id":[1,2]}""");
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "expected an Integer, got a list (a list where one value is expected). It is passed on as it is.");
    }

    [Fact]
    public void Shape_TopLevelArray_ShapesEachElement()
    {
        var result = Shape("""[{"id":"1","x":0},{"id":2},"oops"]""");

        result.Output.Json().ShouldBe("""[{"id":1},{"id":2},"oops"]""");
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Location.ShouldBe(new Location("output", "$[2]"));
        warning.Message.ShouldBe("expected an object of fields, got the string \"oops\". It is passed on as it is.");
    }

    [Fact]
    public void Shape_PrimitiveOutput_IsKeptAndWarned()
    {
        var result = Shape("\"done\"");

        result.Output.Json().ShouldBe("\"done\"");
        result.Diagnostics.ShouldHaveSingleItem().Location.ShouldBe(new Location("output", "$"));
    }

    [Theory]
    [InlineData("""{"anything":[1,{"a":"b"}]}""")]
    [InlineData("""[1,2]""")]
    [InlineData("\"text\"")]
    public void Shape_EmptyTree_ReturnsTheRawOutput(string raw)
    {
        var result = OutputShaper.Shape(JsonNode.Parse(raw), []);

        result.Diagnostics.ShouldBeEmpty();
        result.Output.Json().ShouldBe(JsonNode.Parse(raw).Json());
    }

    [Fact]
    public void Shape_NullOutput_IsAnEmptyObject()
    {
        OutputShaper.Shape(null, Tree).Output.Json().ShouldBe("{}");
        OutputShaper.Shape(null, []).Output.Json().ShouldBe("{}");
    }

    [Fact]
    public void Shape_ByteListAsBase64_IsKept() =>
        OutputShaper.Shape(JsonNode.Parse("""{"file":"AQID"}"""), [DataNode.Leaf("file", DataType.Byte, isList: true)])
            .Output.Json().ShouldBe("""{"file":"AQID"}""");

    [Fact]
    public void Shape_RawOutput_IsNotChanged()
    {
        var raw = JsonNode.Parse("""{"id":"1","extra":true}""");

        OutputShaper.Shape(raw, Tree);

        raw.Json().ShouldBe("""{"id":"1","extra":true}""");
    }
}
