using System.Text.Json.Nodes;
using Patchbay.Core.Data;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Data;

public sealed class InputCoercerStructureTests
{
    private static readonly ValueList<DataNode> Tree =
    [
        DataNode.Leaf("title", DataType.String, isRequired: true),
        DataNode.Leaf("count", DataType.Integer),
        DataNode.Object(
            "customer",
            [
                DataNode.Leaf("id", DataType.Integer, isRequired: true),
                DataNode.Object("items", [DataNode.Leaf("qty", DataType.Integer), DataNode.Leaf("due", DataType.Date)], isList: true),
            ]),
        DataNode.Leaf("tags", DataType.String, isList: true, isRequired: true),
    ];

    [Fact]
    public void Coerce_NullInputs_AreReadAsEmptyObject()
    {
        var result = InputCoercer.Coerce(null, [DataNode.Leaf("a", DataType.String)]);

        result.Diagnostics.ShouldBeEmpty();
        result.Input.Json().ShouldBe("{}");
    }

    [Theory]
    [InlineData("[]", "a list")]
    [InlineData("\"x\"", "the string \"x\"")]
    [InlineData("1", "the number 1")]
    public void Coerce_InputsNotAnObject_ReportsInputNotObject(string inputs, string given)
    {
        var result = InputCoercer.Coerce(JsonNode.Parse(inputs), Tree);

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.ShouldBe(Diagnostic.Error("input-not-object", new Location("input", "$"), $"The inputs must be a JSON object of fields, got {given}."));
        result.Input.Json().ShouldBe("{}");
    }

    [Fact]
    public void Coerce_ValidInputs_AreCoercedInTreeOrder()
    {
        var result = InputCoercer.Coerce(
            JsonNode.Parse("""{"tags":[], "customer":{"items":[{"qty":"2","due":"2024-05-01"}],"id":"7"}, "title":5}"""),
            Tree);

        result.HasErrors.ShouldBeFalse();
        result.Input.Json().ShouldBe("""{"title":"5","customer":{"id":7,"items":[{"qty":2,"due":"2024-05-01"}]},"tags":[]}""");
    }

    [Fact]
    public void Coerce_OptionalFields_KeepNullAndAbsence()
    {
        var result = InputCoercer.Coerce(JsonNode.Parse("""{"title":"t","tags":["a"],"customer":null}"""), Tree);

        result.Diagnostics.ShouldBeEmpty();
        result.Input.Json().ShouldBe("""{"title":"t","customer":null,"tags":["a"]}""");
    }

    [Fact]
    public void Coerce_SeveralProblems_ReportsEachWithItsPath()
    {
        var inputs = JsonNode.Parse(
            """
            {
              "title": null,
              "count": "abc",
              "Count": 1,
              "extra": true,
              "customer": {
                "items": [ { "qty": 1 }, { "qty": "x", "due": "01/05/2024" }, { "qty": 4.5, "note": "" }, null ],
                "first name": "Ann"
              }
            }
            """);

        var result = InputCoercer.Coerce(inputs, Tree);

        result.Diagnostics.Select(d => (d.Code, d.Location.File, d.Location.Path)).ShouldBe(
        [
            ("unknown-input", "input", "$.Count"),
            ("unknown-input", "input", "$.extra"),
            ("missing-required-input", "input", "$.title"),
            ("wrong-type", "input", "$.count"),
            ("unknown-input", "input", "$.customer[\"first name\"]"),
            ("missing-required-input", "input", "$.customer.id"),
            ("wrong-type", "input", "$.customer.items[1].qty"),
            ("wrong-type", "input", "$.customer.items[1].due"),
            ("unknown-input", "input", "$.customer.items[2].note"),
            ("wrong-type", "input", "$.customer.items[2].qty"),
            ("wrong-type", "input", "$.customer.items[3]"),
            ("missing-required-input", "input", "$.tags"),
        ]);
        result.Diagnostics.ShouldAllBe(d => d.IsError);
    }

    [Fact]
    public void Coerce_SeveralProblems_ExplainEach()
    {
        var inputs = JsonNode.Parse("""{"title":null,"Count":1,"extra":1,"customer":{"id":1,"items":[null]}}""");

        var messages = InputCoercer.Coerce(inputs, Tree).Diagnostics.Select(d => d.Message);

        messages.ShouldBe(
        [
            "'Count' is not an input of this action; did you mean 'count'? Names are case-sensitive.",
            "'extra' is not an input of this action (known: title, count, customer, tags).",
            "'title' is required (a String) but is null.",
            "expected an Object, got null.",
            "'tags' is required (a list of String) but is missing.",
        ]);
    }

    [Fact]
    public void Coerce_EmptyTree_RejectsEveryField() =>
        InputCoercer.Coerce(JsonNode.Parse("""{"a":1}"""), []).Diagnostics.ShouldHaveSingleItem().Message
            .ShouldBe("'a' is not an input of this action, which has no inputs.");

    [Theory]
    [InlineData("\"a\"", "expected a list of String, got the string \"a\".")]
    [InlineData("{}", "expected a list of String, got an object.")]
    public void Coerce_ListGivenOneValue_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.String, given, isList: true).ShouldBe(message);

    [Fact]
    public void Coerce_ObjectGivenList_IsWrongType()
    {
        var result = InputCoercer.Coerce(JsonNode.Parse("""{"o":[{"a":1}]}"""), [DataNode.Object("o", [DataNode.Leaf("a", DataType.Integer)])]);

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("expected an Object, got a list.");
    }

    [Fact]
    public void Coerce_LongString_IsShortenedInTheMessage() =>
        DataCases.Rejected(DataType.Integer, $"\"{new string('x', 100)}\"")
            .ShouldBe($"expected an Integer, got the string \"{new string('x', 59)}….");

    [Fact]
    public void Coerce_ValuesBuiltInCode_AreReadLikeParsedOnes()
    {
        var inputs = new JsonObject
        {
            ["m"] = 0.1m,
            ["i"] = "12",
            ["id"] = JsonValue.Create(new Guid("0b7c8f3e-8a59-4c5b-9d3a-2f0a1c4e6b7d")),
            ["b"] = true,
        };
        ValueList<DataNode> tree =
        [
            DataNode.Leaf("m", DataType.Decimal),
            DataNode.Leaf("i", DataType.Integer),
            DataNode.Leaf("id", DataType.String),
            DataNode.Leaf("b", DataType.String),
        ];

        var result = InputCoercer.Coerce(inputs, tree);

        result.Diagnostics.ShouldBeEmpty();
        result.Input.Json().ShouldBe("""{"m":0.1,"i":12,"id":"0b7c8f3e-8a59-4c5b-9d3a-2f0a1c4e6b7d","b":"true"}""");
    }
}
