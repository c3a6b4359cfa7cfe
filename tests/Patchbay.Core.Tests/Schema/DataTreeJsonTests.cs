using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Tests.Schema;

public sealed class DataTreeJsonTests
{
    private const string File = "connector.json";

    [Theory]
    [InlineData(DataType.String, false, false, "String")]
    [InlineData(DataType.Integer, false, true, "Integer!")]
    [InlineData(DataType.Date, true, false, "[Date]")]
    [InlineData(DataType.Decimal, true, true, "[Decimal]!")]
    [InlineData(DataType.Boolean, false, false, "Boolean")]
    [InlineData(DataType.Byte, true, false, "[Byte]")]
    [InlineData(DataType.Double, false, false, "Double")]
    public void Write_Leaf_WritesNotation(DataType type, bool isList, bool isRequired, string expected) =>
        DataTreeJson.Write([DataNode.Leaf("f", type, isList, isRequired)])["f"]!.GetValue<string>().ShouldBe(expected);

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(false, true, "Object!")]
    [InlineData(true, false, "[Object]")]
    [InlineData(true, true, "[Object]!")]
    public void Write_Object_WritesTypeOnlyWhenNeeded(bool isList, bool isRequired, string? expected)
    {
        var json = DataTreeJson.Write([DataNode.Object("o", [DataNode.Leaf("id", DataType.Integer)], isList, isRequired)]);

        var obj = json["o"].ShouldBeOfType<JsonObject>();
        obj.TryGetPropertyValue("$type", out var type).ShouldBe(expected is not null);
        type?.GetValue<string>().ShouldBe(expected);
        obj["id"]!.GetValue<string>().ShouldBe("Integer");
    }

    [Fact]
    public void Write_Tree_IndentsToOneLinePerLeaf()
    {
        var json = DataTreeJson.Write(
        [
            DataNode.Leaf("title", DataType.String, isRequired: true),
            DataNode.Object("customer", [DataNode.Leaf("id", DataType.Integer)], isList: true),
        ]);

        json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n").ShouldBe(
            """
            {
              "title": "String!",
              "customer": {
                "$type": "[Object]",
                "id": "Integer"
              }
            }
            """);
    }

    [Fact]
    public void Write_DuplicateName_Throws() =>
        Should.Throw<ArgumentException>(() => DataTreeJson.Write([DataNode.Leaf("a", DataType.String), DataNode.Leaf("a", DataType.Integer)]));

    [Fact]
    public void Read_Document_ReadsFieldsInOrder()
    {
        var node = JsonNode.Parse("""{ "b": "[Integer]!", "a": { "$type": "Object!", "x": "Date" }, "c": {} }""");

        var result = DataTreeJson.Read(node, File, "actions[0].input");

        result.Diagnostics.ShouldBeEmpty();
        result.Tree.ShouldBe(
        [
            DataNode.Leaf("b", DataType.Integer, isList: true, isRequired: true),
            DataNode.Object("a", [DataNode.Leaf("x", DataType.Date)], isRequired: true),
            DataNode.Object("c", []),
        ]);
    }

    [Fact]
    public void Read_UnknownType_ReportsPathAndValidTypes()
    {
        var node = JsonNode.Parse("""{ "customer": { "id": "Int" } }""");

        var result = DataTreeJson.Read(node, File, "actions[0].input");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.UnknownType);
        diagnostic.IsError.ShouldBeTrue();
        diagnostic.Location.ShouldBe(new Location(File, "actions[0].input.customer.id"));
        diagnostic.Message.ShouldContain("String, Boolean, Byte, Date, Decimal, Double, Integer, Object");
        result.Tree.ShouldBe([DataNode.Object("customer", [])]);
    }

    [Theory]
    [InlineData("\"string\"")]
    [InlineData("\"[Integer\"")]
    [InlineData("\"Integer!!\"")]
    [InlineData("\"[[Integer]]\"")]
    [InlineData("\"\"")]
    public void Read_BadNotation_ReportsUnknownType(string value) =>
        DataTreeJson.Read(JsonNode.Parse($$"""{ "f": {{value}} }"""), File, "input")
            .Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.UnknownType);

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[\"String\"]")]
    [InlineData("\"Object\"")]
    public void Read_WrongFieldKind_ReportsInvalidTree(string value)
    {
        var diagnostic = DataTreeJson.Read(JsonNode.Parse($$"""{ "first name": {{value}} }"""), File, "input").Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.InvalidTree);
        diagnostic.Location.ShouldBe(new Location(File, "input[\"first name\"]"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"String\"")]
    public void Read_TreeIsNotObject_ReportsInvalidTree(string json) =>
        DataTreeJson.Read(JsonNode.Parse(json), File, "output").Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.InvalidTree);

    [Fact]
    public void Read_NullTree_ReportsInvalidTree() =>
        DataTreeJson.Read(null, File, "output").HasErrors.ShouldBeTrue();

    [Theory]
    [InlineData("\"[Integer]\"")]
    [InlineData("\"object\"")]
    [InlineData("1")]
    public void Read_BadObjectType_ReportsInvalidTreeAtTypePath(string type)
    {
        var result = DataTreeJson.Read(JsonNode.Parse($$"""{ "o": { "$type": {{type}}, "id": "String" } }"""), File, "input");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(SchemaDiagnosticCodes.InvalidTree);
        diagnostic.Location.ShouldBe(new Location(File, "input.o.$type"));
        result.Tree.ShouldBe([DataNode.Object("o", [DataNode.Leaf("id", DataType.String)])]);
    }

    [Fact]
    public void Read_TypeAtTopLevel_ReportsInvalidTree() =>
        DataTreeJson.Read(JsonNode.Parse("""{ "$type": "Object" }"""), File, "input")
            .Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(SchemaDiagnosticCodes.InvalidTree);

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOne() =>
        DataTreeJson.Read(JsonNode.Parse("""{ "a": "Nope", "b": 1, "c": { "d": "Strin" } }"""), File, "input")
            .Diagnostics.Count.ShouldBe(3);

    [Fact]
    public void Write_AnyTree_ReadsBackEqual() =>
        Prop.ForAll(TreeGenerator.Trees, tree =>
        {
            var text = DataTreeJson.Write(tree).ToJsonString();
            var result = DataTreeJson.Read(JsonNode.Parse(text), File, "input");
            return result.Tree.Equals(tree) && result.Diagnostics.Count == 0;
        }).QuickCheckThrowOnFailure();
}
