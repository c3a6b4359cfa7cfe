using System.Text.Json.Nodes;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Tests.Invocation;

public sealed class EnvelopeTests
{
    [Theory]
    [InlineData(true, 200, true)]
    [InlineData(true, 299, true)]
    [InlineData(true, 400, false)] // a connector may answer success: true with a 400: Bizagi counts it as a failure
    [InlineData(false, 200, false)]
    public void IsSuccess_NumbersMadeInCSharp_ReadLikeParsedOnes(bool success, int code, bool expected)
    {
        var made = new JsonObject { ["success"] = success, ["connectorstatuscode"] = code };
        var parsed = JsonNode.Parse(made.ToJsonString())!.AsObject();

        Envelopes.IsSuccess(made).ShouldBe(expected);
        Envelopes.IsSuccess(parsed).ShouldBe(expected);
    }

    [Fact]
    public void IsSuccess_CodeThatIsNotANumber_IsAFailure() =>
        Envelopes.IsSuccess(new JsonObject { ["success"] = true, ["connectorstatuscode"] = "200" }).ShouldBeFalse();
}
