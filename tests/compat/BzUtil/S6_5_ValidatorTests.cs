using Patchbay.Compat.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>bizagi-compat §6.5, validator (with the globals rules of §3.2 and the data rules of §5.2 it applies).</summary>
public sealed class S6_5_ValidatorTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private const string Action = "s6-5-validator";

    [Fact]
    public async Task S6_5_requiredParameters_accepts_0_and_false_and_returns_undefined()
    {
        var output = await BzUtilExamples.RunAsync(fixture.Runtime, Action, "requiredParameters-all-present");

        Json.Text(output).ShouldBe("""{"type":"undefined"}""");
    }

    [Theory]
    [InlineData("requiredParameters-first-missing", -400, "The Parameter -empty- is required")]
    [InlineData("requiredParameters-undefined", -400, "The Parameter -a- is required")]
    [InlineData("isValidGlobalsJson-missing-key", -200, "The element -globals.authdata- is required in -globals-")]
    [InlineData("isValidGlobalsJson-number-value", -200, "The -globals- parameter must be a valid JSON")]
    [InlineData("isValidGlobalsJson-percent-7B", -200, "The -globals- parameter must be a valid JSON")]
    [InlineData("isValidGlobalsJson-not-json", -200, "The -globals- parameter must be a valid JSON")]
    [InlineData("isValidDataJson-not-json", -200, "The -data- parameter must be a valid JSON")]
    public async Task S6_5_failures_are_getResponse_objects(string example, int code, string message) =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, example)).ShouldBe(Json.Failure(code, message));

    [Theory]
    [InlineData("isValidGlobalsJson-wire-sample", """{"systemproperties":{},"projectname":"bz","authdata":{"host":"192.168.0.84","port":"5000"}}""")]
    [InlineData("isValidGlobalsJson-control-characters", """{"systemproperties":{"a":"xy"},"projectname":"bz","authdata":{"b":"12"}}""")]
    [InlineData("isValidGlobalsJson-unescape", """{"systemproperties":{"a":"aAb"},"projectname":"bz","authdata":{"u":"A"}}""")]
    [InlineData("isValidDataJson-unescape", """{"inputs":{"input":{"p":"100%","u":"A","n":5}}}""")]
    public async Task S6_5_valid_json_is_parsed_cleaned_and_unescaped_into_the_output(string example, string output) =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, example)).ShouldBe(Json.Success(output));
}
