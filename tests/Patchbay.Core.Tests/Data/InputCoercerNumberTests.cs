using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Data;

public sealed class InputCoercerNumberTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("\"42\"", "42")]
    [InlineData("\"-7\"", "-7")]
    [InlineData("\" +12 \"", "12")]
    [InlineData("\"007\"", "7")]
    [InlineData("5.0", "5")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5e1", "15")]
    [InlineData("-0", "0")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("\"-99999999999999999999\"", "-99999999999999999999")]
    public void Coerce_IntegerAccepted_IsNormalised(string given, string expected) =>
        DataCases.Accepted(DataType.Integer, given).ShouldBe(expected);

    [Theory]
    [InlineData("4.5", "expected an Integer, got the number 4.5 (it has a fraction).")]
    [InlineData("\"4.5\"", "expected an Integer, got the string \"4.5\" (it has a fraction).")]
    [InlineData("\"abc\"", "expected an Integer, got the string \"abc\".")]
    [InlineData("\"1,000\"", "expected an Integer, got the string \"1,000\".")]
    [InlineData("\"\"", "expected an Integer, got the string \"\".")]
    [InlineData("1e5000", "expected an Integer, got the number 1e5000 (out of range).")]
    [InlineData("true", "expected an Integer, got true.")]
    [InlineData("[1]", "expected an Integer, got a list.")]
    public void Coerce_IntegerRejected_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.Integer, given).ShouldBe(message);

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("\"1.5\"", "1.5")]
    [InlineData("0.1", "0.1")]
    [InlineData("\"0.10\"", "0.10")]
    [InlineData("\"-0.5\"", "-0.5")]
    [InlineData("\"-0.50e1\"", "-5.0")]
    [InlineData("12345678901234567890.123", "12345678901234567890.123")]
    [InlineData("\"12345678901234567890.123\"", "12345678901234567890.123")]
    [InlineData("0.30000000000000000000000000001", "0.30000000000000000000000000001")]
    [InlineData("1e3", "1000")]
    [InlineData("\"1.25E-7\"", "0.000000125")]
    [InlineData("42", "42")]
    public void Coerce_DecimalAccepted_KeepsEveryDigit(string given, string expected) =>
        DataCases.Accepted(DataType.Decimal, given).ShouldBe(expected);

    [Theory]
    [InlineData("\"1,5\"", "expected a Decimal, got the string \"1,5\" (the decimal separator is '.').")]
    [InlineData("\".5\"", "expected a Decimal, got the string \".5\".")]
    [InlineData("\"1.\"", "expected a Decimal, got the string \"1.\".")]
    [InlineData("\"NaN\"", "expected a Decimal, got the string \"NaN\".")]
    [InlineData("\"1e99999\"", "expected a Decimal, got the string \"1e99999\" (out of range).")]
    [InlineData("false", "expected a Decimal, got false.")]
    public void Coerce_DecimalRejected_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.Decimal, given).ShouldBe(message);

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("\"1.5\"", "1.5")]
    [InlineData("\"1e3\"", "1e3")]
    [InlineData("\"-2.5E-3\"", "-2.5e-3")]
    [InlineData("6.02214076e23", "6.02214076e23")]
    [InlineData("\"+0.1\"", "0.1")]
    [InlineData("0.1", "0.1")]
    public void Coerce_DoubleAccepted_IsNormalised(string given, string expected) =>
        DataCases.Accepted(DataType.Double, given).ShouldBe(expected);

    [Theory]
    [InlineData("\"1,5\"", "expected a Double, got the string \"1,5\" (the decimal separator is '.').")]
    [InlineData("\"Infinity\"", "expected a Double, got the string \"Infinity\".")]
    [InlineData("\"1e400\"", "expected a Double, got the string \"1e400\" (out of range for a Double).")]
    [InlineData("{}", "expected a Double, got an object.")]
    public void Coerce_DoubleRejected_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.Double, given).ShouldBe(message);

    [Theory]
    [InlineData("0", "0")]
    [InlineData("255", "255")]
    [InlineData("-128", "-128")]
    [InlineData("\"200\"", "200")]
    public void Coerce_ByteAccepted_IsNormalised(string given, string expected) =>
        DataCases.Accepted(DataType.Byte, given).ShouldBe(expected);

    [Theory]
    [InlineData("256", "expected a Byte, got the number 256 (a Byte is -128..255).")]
    [InlineData("-129", "expected a Byte, got the number -129 (a Byte is -128..255).")]
    [InlineData("1.5", "expected a Byte, got the number 1.5 (it has a fraction).")]
    [InlineData("\"AQID\"", "expected a Byte, got the string \"AQID\".")]
    public void Coerce_ByteRejected_IsWrongType(string given, string message) =>
        DataCases.Rejected(DataType.Byte, given).ShouldBe(message);

    [Theory]
    [InlineData("[1, \"2\", -1, 255]", "[1,2,-1,255]")]
    [InlineData("\"AQID\"", "\"AQID\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"SGVsbG8sIHdvcmxkIQ==\"", "\"SGVsbG8sIHdvcmxkIQ==\"")]
    public void Coerce_ByteListAccepted_IsNumbersOrBase64(string given, string expected) =>
        DataCases.Accepted(DataType.Byte, given, isList: true).ShouldBe(expected);

    [Fact]
    public void Coerce_ByteListInvalidBase64_IsWrongType() =>
        DataCases.Rejected(DataType.Byte, "\"not base64!\"", isList: true).ShouldBe(
            "expected a list of Byte, got the string \"not base64!\" (a Byte list also takes file content as a base64 string, and this is not base64).");
}
