using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Tests.Schema;

public sealed class SchemaInferenceTests
{
    private const string File = "sample.json";

    [Theory]
    [InlineData("42", DataType.Integer)]
    [InlineData("-7", DataType.Integer)]
    [InlineData("1.50", DataType.Decimal)]
    [InlineData("1.0", DataType.Decimal)]
    [InlineData("1e5", DataType.Double)]
    [InlineData("-2.5E-3", DataType.Double)]
    [InlineData("true", DataType.Boolean)]
    [InlineData("false", DataType.Boolean)]
    [InlineData("null", DataType.String)]
    [InlineData("\"hello\"", DataType.String)]
    [InlineData("\"2024-05-01\"", DataType.Date)]
    [InlineData("\"2024-05-01T10:20:30Z\"", DataType.Date)]
    [InlineData("\"2024-05-01T10:20:30.123+02:00\"", DataType.Date)]
    [InlineData("\"2024-05-01T10:20\"", DataType.Date)]
    [InlineData("\"2024-02-30\"", DataType.String)]
    [InlineData("\"2024-05-01 10:20:30\"", DataType.String)]
    [InlineData("\"20240501\"", DataType.String)]
    public void Infer_PrimitiveField_InfersType(string value, DataType expected) =>
        Infer($$"""{ "f": {{value}} }""").ShouldBe([DataNode.Leaf("f", expected)]);

    [Fact]
    public void Infer_NestedObject_InfersObjectWithChildren() =>
        Infer("""{ "customer": { "id": 1, "address": { "city": "Oslo" } } }""").ShouldBe(
        [
            DataNode.Object("customer", [DataNode.Leaf("id", DataType.Integer), DataNode.Object("address", [DataNode.Leaf("city", DataType.String)])]),
        ]);

    [Fact]
    public void Infer_NodeFromCode_InfersFromValues()
    {
        var sample = new JsonObject { ["n"] = 3, ["d"] = 2.5m, ["s"] = "x" };

        SchemaInference.Infer(sample, File).Tree.ShouldBe(
            [DataNode.Leaf("n", DataType.Integer), DataNode.Leaf("d", DataType.Decimal), DataNode.Leaf("s", DataType.String)]);
    }

    [Fact]
    public void Infer_ArrayOfObjects_UnitesFieldsInFirstSeenOrder() =>
        Infer("""{ "orders": [ { "id": 1, "note": null }, { "sku": "a", "id": 2, "note": "x" } ] }""").ShouldBe(
        [
            DataNode.Object("orders", [DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("note", DataType.String), DataNode.Leaf("sku", DataType.String)], isList: true),
        ]);

    [Theory]
    [InlineData("[1, 2]", DataType.Integer)]
    [InlineData("[1, 2.5]", DataType.Decimal)]
    [InlineData("[1, 2e3]", DataType.Double)]
    [InlineData("[1.5, 2e3]", DataType.Double)]
    [InlineData("[\"2024-05-01\", \"soon\"]", DataType.String)]
    [InlineData("[\"2024-05-01\", \"2024-06-01T00:00:00Z\"]", DataType.Date)]
    [InlineData("[null, 3, null]", DataType.Integer)]
    public void Infer_ArrayOfPrimitives_MergesWithoutWarning(string array, DataType expected)
    {
        var result = SchemaInference.Infer($$"""{ "f": {{array}} }""", File);

        result.Tree.ShouldBe([DataNode.Leaf("f", expected, isList: true)]);
        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Infer_ObjectAndPrimitiveInArray_KeepsObjectAndWarns()
    {
        var result = SchemaInference.Infer("""{ "f": [ 1, { "a": true } ] }""", File);

        result.Tree.ShouldBe([DataNode.Object("f", [DataNode.Leaf("a", DataType.Boolean)], isList: true)]);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.TypeConflict);
        diagnostic.Location.ShouldBe(new Location(File, "$.f[*]"));
    }

    [Fact]
    public void Infer_BooleanAndNumberInArray_ReadsStringAndWarns()
    {
        var result = SchemaInference.Infer("""{ "f": [ true, 1 ] }""", File);

        result.Tree.ShouldBe([DataNode.Leaf("f", DataType.String, isList: true)]);
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.TypeConflict);
    }

    [Fact]
    public void Infer_FieldListInOneItemOnly_ReadsListAndWarns()
    {
        var result = SchemaInference.Infer("""{ "f": [ { "a": [1] }, { "a": 2 } ] }""", File);

        result.Tree.ShouldBe([DataNode.Object("f", [DataNode.Leaf("a", DataType.Integer, isList: true)], isList: true)]);
        result.Diagnostics.ShouldHaveSingleItem().Location.Path.ShouldBe("$.f[*].a");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[null, null]")]
    public void Infer_EmptyArray_ReadsListOfStringAndWarns(string array)
    {
        var result = SchemaInference.Infer($$"""{ "tags": {{array}} }""", File);

        result.Tree.ShouldBe([DataNode.Leaf("tags", DataType.String, isList: true)]);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.EmptyArray);
        diagnostic.Location.ShouldBe(new Location(File, "$.tags"));
    }

    [Fact]
    public void Infer_ArrayOfArrays_ReadsInnerElementTypeAndWarns()
    {
        var result = SchemaInference.Infer("""{ "grid": [ [1, 2], [3.5] ] }""", File);

        result.Tree.ShouldBe([DataNode.Leaf("grid", DataType.Decimal, isList: true)]);
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.NestedList);
    }

    [Fact]
    public void Infer_TopLevelArrayOfObjects_UsesMergedFields()
    {
        var result = SchemaInference.Infer("""[ { "id": 1 }, { "id": 2, "name": "b" } ]""", File);

        result.Tree.ShouldBe([DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("name", DataType.String)]);
        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Infer_TopLevelArrayOfPrimitives_ReadsItemsListAndWarns()
    {
        var result = SchemaInference.Infer("[1, 2, 3]", File);

        result.Tree.ShouldBe([DataNode.Leaf("items", DataType.Integer, isList: true)]);
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.TopLevelArray);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Infer_TopLevelPrimitive_ReportsError(string json)
    {
        var result = SchemaInference.Infer(json, File);

        result.Tree.ShouldBeEmpty();
        result.HasErrors.ShouldBeTrue();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.InvalidSample);
    }

    [Fact]
    public void Infer_InvalidJson_ReportsErrorWithLine()
    {
        var diagnostic = SchemaInference.Infer("{\n  \"a\": }", File).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.InvalidJson);
        diagnostic.Location.Path.ShouldNotBeNull().ShouldStartWith("line 2,");
    }

    [Fact]
    public void Infer_RepeatedProperty_ReportsInvalidJson() =>
        SchemaInference.Infer("""{ "a": 1, "a": "x" }""", File).Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.InvalidJson);

    [Fact]
    public void Infer_CommentsAndTrailingCommas_AreAllowed() =>
        Infer("""{ /* sample */ "a": 1, }""").ShouldBe([DataNode.Leaf("a", DataType.Integer)]);

    [Fact]
    public void Infer_NonXmlFieldName_KeepsNameAndWarnsWithJsonPath()
    {
        var result = SchemaInference.Infer("""{ "customer": { "first name": "Ada", "1st": 1, "ok_name": 2 } }""", File);

        result.Tree.ShouldBe(
            [DataNode.Object("customer", [DataNode.Leaf("first name", DataType.String), DataNode.Leaf("1st", DataType.Integer), DataNode.Leaf("ok_name", DataType.Integer)])]);
        result.Diagnostics.Select(d => d.Code).ShouldAllBe(code => code == SchemaDiagnosticCodes.InvalidFieldName);
        result.Diagnostics.Select(d => d.Location.Path).ShouldBe(["$.customer[\"first name\"]", "$.customer[\"1st\"]"]);
    }

    [Fact]
    public void Infer_SameBadNameInEveryArrayItem_WarnsOnce() =>
        SchemaInference.Infer("""{ "rows": [ { "a b": 1 }, { "a b": 2 } ] }""", File).Diagnostics.ShouldHaveSingleItem().Location.Path.ShouldBe("$.rows[*][\"a b\"]");

    [Fact]
    public void Infer_AnySample_NeverMarksRequired() =>
        Flatten(Infer("""{ "a": 1, "b": [ { "c": "x" } ], "d": { "e": [1] } }""")).ShouldAllBe(node => !node.IsRequired);

    private static ValueList<DataNode> Infer(string json)
    {
        var result = SchemaInference.Infer(json, File);
        result.Diagnostics.ShouldBeEmpty();
        return result.Tree;
    }

    private static IEnumerable<DataNode> Flatten(IEnumerable<DataNode> tree) => tree.SelectMany(n => Flatten(n.Children).Prepend(n));
}
