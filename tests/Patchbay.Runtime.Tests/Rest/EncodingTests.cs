using System.Text.Json.Nodes;
using Patchbay.Runtime.Rest;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>The two encoders Bizagi's output depends on byte for byte: JSON.stringify and qs.stringify.</summary>
public sealed class EncodingTests
{
    [Theory]
    [InlineData("""{"a":"é ü 😀 <b> & '"}""", """{"a":"é ü 😀 <b> & '"}""")]
    [InlineData("""{"a":"tab\tnl\ncr\r\u0001\u001f"}""", """{"a":"tab\tnl\ncr\r\u0001\u001f"}""")]
    [InlineData("""{"q":"say \"hi\" \\ there"}""", """{"q":"say \"hi\" \\ there"}""")]
    [InlineData("""[1,2.50,null,true,{"x":[]}]""", """[1,2.50,null,true,{"x":[]}]""")]
    public void JsJson_WritesWhatJavaScriptsJsonStringifyWrites(string json, string expected) =>
        JsJson.Stringify(JsonNode.Parse(json)).ShouldBe(expected);

    [Fact]
    public void JsJson_EscapesLoneSurrogatesAsWellFormedJsonStringifyDoes() =>
        JsJson.Stringify(new JsonObject { ["lone"] = "\ud800x", ["pair"] = "\ud83d\ude00" }).ShouldBe("{\"lone\":\"\\ud800x\",\"pair\":\"\ud83d\ude00\"}");

    [Theory]
    [InlineData("""{"a":"b c"}""", "a=b%20c")]
    [InlineData("""{"a":{"b":{"c":1}}}""", "a%5Bb%5D%5Bc%5D=1")]
    [InlineData("""{"a":[],"b":{},"c":null}""", "c=")]
    [InlineData("""{"a":[[1,2],{"k":"v"}]}""", "a%5B0%5D%5B0%5D=1&a%5B0%5D%5B1%5D=2&a%5B1%5D%5Bk%5D=v")]
    [InlineData("""{"ü":"€","x":false}""", "%C3%BC=%E2%82%AC&x=false")]
    [InlineData("""["x","y"]""", "0=x&1=y")]
    [InlineData("\"just text\"", "")]
    public void QueryStrings_WriteWhatQsStringifyWrites(string json, string expected) =>
        QueryStrings.Of(JsonNode.Parse(json)).ToString().ShouldBe(expected);

    [Fact]
    public void QueryStrings_MergingReplacesANameWhereItStood()
    {
        var query = QueryStrings.Parse("a=1&b%5Bx%5D=2&b%5By%5D=3&c=+4");

        query.Merge(JsonNode.Parse("""{"b":"new","d":"5"}"""));

        query.ToString().ShouldBe("a=1&b=new&c=%204&d=5");
    }
}
