using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Data;
using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Data;

public sealed class InputCoercerRoundTripTests
{
    private static readonly ValueList<DataNode> Tree =
    [
        DataNode.Leaf("s", DataType.String, isList: true),
        DataNode.Leaf("i", DataType.Integer, isList: true),
        DataNode.Leaf("m", DataType.Decimal, isList: true),
        DataNode.Leaf("d", DataType.Double, isList: true),
        DataNode.Leaf("b", DataType.Boolean, isList: true),
        DataNode.Leaf("t", DataType.Date, isList: true),
        DataNode.Leaf("y", DataType.Byte, isList: true),
        DataNode.Leaf("file", DataType.Byte, isList: true),
        DataNode.Object("o", [DataNode.Leaf("n", DataType.Integer), DataNode.Object("p", [DataNode.Leaf("q", DataType.Decimal)], isList: true)]),
        DataNode.Leaf("none", DataType.String),
    ];

    [Fact]
    public void Coerce_CoercedInput_GivesTheSameJson()
    {
        var inputs = JsonNode.Parse(
            """
            {
              "s": ["a", 42, 1.50, true], "i": [1, "2", 3.0, "1e2", "123456789012345678901234"],
              "m": [0.1, "12345678901234567890.123", "1.25e-7", "-0.50"], "d": ["1e3", 0.1, "-2.5E-3"],
              "b": ["TRUE", false], "t": ["2024-05-01", "2024-05-01T10:20:30.5+02:00", "2024-05-01T10:20:30Z", "2024-05-01T10:20"],
              "y": [-128, "255"], "file": "AQID", "o": {"n": "5", "p": [{"q": "0.10"}, {"q": 2}]}, "none": null
            }
            """);

        var first = InputCoercer.Coerce(inputs, Tree);
        var second = InputCoercer.Coerce(JsonNode.Parse(first.Input.ToJsonString()), Tree);

        first.Diagnostics.ShouldBeEmpty();
        second.Diagnostics.ShouldBeEmpty();
        second.Input.ToJsonString().ShouldBe(first.Input.ToJsonString());
    }

    [Theory]
    [InlineData(DataType.Integer)]
    [InlineData(DataType.Decimal)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.String)]
    public void Coerce_AnyDecimalText_IsStableAfterOneCoercion(DataType type) =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<decimal>(),
            value =>
            {
                var text = value.ToString(CultureInfo.InvariantCulture);
                var once = DataCases.CoerceOne(type, $"\"{text}\"").Input["v"];
                var twice = DataCases.CoerceOne(type, once.Json()).Input["v"];
                return twice.Json() == once.Json();
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Coerce_AnyDecimal_KeepsItsExactValue() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<decimal>(),
            value =>
            {
                var coerced = DataCases.CoerceOne(DataType.Decimal, $"\"{value.ToString(CultureInfo.InvariantCulture)}\"").Input["v"];
                return decimal.Parse(coerced.Json(), NumberStyles.Float, CultureInfo.InvariantCulture) == value;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Coerce_AnyDateTimeOffset_IsStableAndKeepsTheInstant() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<DateTimeOffset>(),
            value =>
            {
                var once = DataCases.CoerceOne(DataType.Date, $"\"{value:O}\"").Input["v"]!.GetValue<string>();
                var twice = DataCases.CoerceOne(DataType.Date, $"\"{once}\"").Input["v"]!.GetValue<string>();
                return once == twice && DateTimeOffset.Parse(once, CultureInfo.InvariantCulture) == value;
            }).QuickCheckThrowOnFailure();
}
