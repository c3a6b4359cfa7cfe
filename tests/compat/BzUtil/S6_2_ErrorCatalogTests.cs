using Patchbay.Compat.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>bizagi-compat §6.2, error(code, parameters): the default catalog, the connector's etc/errors.js, the formatting.</summary>
public sealed class S6_2_ErrorCatalogTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private Task<string> ValueAsync(string example) => BzUtilExamples.ValueAsync(fixture.Runtime, "s6-2-error", example);

    [Theory]
    [InlineData("GLB.EXCEPTION", "Exception Error, %s, %s, location: %s")]
    [InlineData("GLB.IS_NOT_A", "%s is not a %s")]
    [InlineData("GLB.IS_NOT_AN", "%s is not an %s")]
    [InlineData("GLB.UNKNOW_ACTION", "Unknown action: %s")]
    [InlineData("GLB.RESOURCE_REDIRECT", "Server is requesting the client to perform a redirect, the HttpCode is: %s")]
    [InlineData("GLB.RESOURCE_NOT_FOUND", "Resource not found: %s")]
    [InlineData("GLB.RESPONSE_ERROR", "An error was obtained by processing the request, the HttpCode is : %s, the server response was: %s")]
    [InlineData("VAL.REQUIRED_PARAM", "The Parameter -%s- is required")]
    [InlineData("VAL.REQUIRED_ELEMENT", "The element -%s- is required in -%s-")]
    [InlineData("VAL.REQUIRED_PARAMS", "The Parameters are required: %s")]
    [InlineData("VAL.PARAM_TYPE", "The -%s- parameter must be a valid %s")]
    public async Task S6_2_default_catalog(string code, string template) =>
        (await ValueAsync(code)).ShouldBe(Json.Quote(template));

    [Theory]
    [InlineData("connector-code-added", "Hello, Ada")]
    [InlineData("connector-cannot-override", "Exception Error, a, b, location: c")]
    [InlineData("unknown-code", "")]
    [InlineData("parameters-missing", "The Parameter -%s- is required")]
    [InlineData("parameters-not-an-array", "The Parameter -%s- is required")]
    [InlineData("parameters-empty", "The Parameter -%s- is required")]
    [InlineData("parameter-object", "{a:1} is not a number")]
    [InlineData("parameter-array", "[1,2] is not an object")]
    [InlineData("parameter-error-instance", "Resource not found: {}")]
    [InlineData("parameter-null", "Resource not found: null")]
    [InlineData("parameter-quotes-and-backslashes", "Resource not found: C:/data/its")]
    [InlineData("missing-arguments-leave-placeholders", "The element -id- is required in -%s-")]
    [InlineData("extra-arguments-appended", "An error was obtained by processing the request, the HttpCode is : 500, the server response was: body extra")]
    public async Task S6_2_behaviour(string example, string message) =>
        (await ValueAsync(example)).ShouldBe(Json.Quote(message));

    /// <summary>The original's eval throws a SyntaxError here; Patchbay makes the break a space (documented: bz-util/README.md, runtime.md).</summary>
    [Fact]
    public async Task S6_2_defect_parameter_with_a_newline_is_one_line_in_Patchbay() =>
        (await ValueAsync("parameter-with-a-newline")).ShouldBe(Json.Quote("Exception Error, first line second line, {}, location: here"));
}
