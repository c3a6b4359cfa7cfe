using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Data;

public sealed class InputCoercerTextTests
{
    [Theory]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\" keep spaces \"", "\" keep spaces \"")]
    [InlineData("42", "\"42\"")]
    [InlineData("-1.50", "\"-1.50\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("false", "\"false\"")]
    public void Coerce_StringAccepted_IsNormalised(string given, string expected) =>
        DataCases.Accepted(DataType.String, given).ShouldBe(expected);

    [Theory]
    [InlineData("{}", "expected a String, got an object.")]
    [InlineData("[\"a\"]", "expected a String, got a list.")]
    public void Coerce_StringRejected_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.String, given).ShouldBe(message);

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("\"true\"", "true")]
    [InlineData("\"FALSE\"", "false")]
    [InlineData("\"True\"", "true")]
    [InlineData("\" false \"", "false")]
    public void Coerce_BooleanAccepted_IsNormalised(string given, string expected) =>
        DataCases.Accepted(DataType.Boolean, given).ShouldBe(expected);

    [Theory]
    [InlineData("1", "expected a Boolean, got the number 1 (use true or false; 0 and 1 are not read as Booleans).")]
    [InlineData("0", "expected a Boolean, got the number 0 (use true or false; 0 and 1 are not read as Booleans).")]
    [InlineData("\"yes\"", "expected a Boolean, got the string \"yes\".")]
    [InlineData("\"1\"", "expected a Boolean, got the string \"1\".")]
    [InlineData("{}", "expected a Boolean, got an object.")]
    public void Coerce_BooleanRejected_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.Boolean, given).ShouldBe(message);

    [Theory]
    [InlineData("2024-05-01", "2024-05-01")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("2024-05-01T10:20", "2024-05-01T10:20:00.0000000")]
    [InlineData("2024-05-01T10:20:30", "2024-05-01T10:20:30.0000000")]
    [InlineData("2024-05-01T10:20:30.5", "2024-05-01T10:20:30.5000000")]
    [InlineData("2024-05-01T10:20:30+02:00", "2024-05-01T10:20:30.0000000+02:00")]
    [InlineData("2024-05-01T10:20:30.123-05:30", "2024-05-01T10:20:30.1230000-05:30")]
    [InlineData("2024-05-01T10:20:30.1234567+02:00", "2024-05-01T10:20:30.1234567+02:00")]
    [InlineData("2024-05-01T10:20:30Z", "2024-05-01T10:20:30.0000000Z")]
    [InlineData("2024-05-01T10:20:30.123Z", "2024-05-01T10:20:30.1230000Z")]
    [InlineData("2024-05-01T10:20:30+00:00", "2024-05-01T10:20:30.0000000Z")]
    [InlineData(" 2024-05-01 ", "2024-05-01")]
    public void Coerce_DateAccepted_IsNormalised(string given, string expected) =>
        DataCases.Accepted(DataType.Date, $"\"{given}\"").ShouldBe($"\"{expected}\"");

    [Theory]
    [InlineData("\"01/05/2024\"")]
    [InlineData("\"2024-13-01\"")]
    [InlineData("\"2023-02-29\"")]
    [InlineData("\"2024-05-01 10:20:30\"")]
    [InlineData("\"2024-05-01T25:00:00\"")]
    [InlineData("\"2024-05-01T10:20:30.123456789Z\"")]
    [InlineData("\"\"")]
    public void Coerce_DateRejectedString_ExplainsTheFormat(string given) =>
        DataCases.Rejected(DataType.Date, given).ShouldBe(
            $"expected a Date, got the string {given} (use ISO 8601, e.g. 2024-05-01 or 2024-05-01T10:20:30+02:00).");

    [Theory]
    [InlineData("20240501", "expected a Date, got the number 20240501.")]
    [InlineData("true", "expected a Date, got true.")]
    public void Coerce_DateRejectedNonString_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.Date, given).ShouldBe(message);
}
