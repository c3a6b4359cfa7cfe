using Patchbay.Compat.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>bizagi-compat §6.1, getResponse: the five examples, then each step of the algorithm.</summary>
public sealed class S6_1_GetResponseTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private Task<string> ValueAsync(string example) => BzUtilExamples.ValueAsync(fixture.Runtime, "s6-1-get-response", example);

    [Fact]
    public async Task S6_1_example_1_object_with_200() =>
        (await ValueAsync("example-1-object")).ShouldBe("""{"response":{"outputs":{"output":{"a":1},"error":{}}},"success":true,"connectorstatuscode":200,"errormessage":"","autotestingenabled":false}""");

    [Fact]
    public async Task S6_1_example_2_json_text_is_parsed_and_the_code_defaults_to_200() =>
        (await ValueAsync("example-2-json-text")).ShouldBe(Json.Success("""{"b":2}"""));

    [Fact]
    public async Task S6_1_example_3_text_that_is_not_json_says_object_Object() =>
        (await ValueAsync("example-3-not-json")).ShouldBe(Json.Failure(200, "The response must be a valid JSON: [object Object]"));

    [Fact]
    public async Task S6_1_example_4_error_object_fails_with_its_json_as_message() =>
        (await ValueAsync("example-4-error-object")).ShouldBe(Json.Error("""{"error":"x","message":"m","status":400}""", 400));

    [Fact]
    public async Task S6_1_example_5_message_fails_with_the_code_given() =>
        (await ValueAsync("example-5-message")).ShouldBe(Json.Failure(-400, "boom"));

    [Theory]
    [InlineData("step-2-falsy-response", """{"response":{"outputs":{"output":{},"error":{}}},"success":true,"connectorstatuscode":200,"errormessage":"","autotestingenabled":false}""")]
    [InlineData("step-2-array", """{"response":{"outputs":{"output":[1,2],"error":{}}},"success":true,"connectorstatuscode":200,"errormessage":"","autotestingenabled":false}""")]
    [InlineData("step-3-error-not-json", """{"response":{"outputs":{"output":{},"error":{}}},"success":false,"connectorstatuscode":500,"errormessage":"The error must be a valid JSON: [object Object]","autotestingenabled":false}""")]
    [InlineData("step-3-error-instance", """{"response":{"outputs":{"output":{"a":1},"error":{}}},"success":true,"connectorstatuscode":200,"errormessage":"","autotestingenabled":false}""")]
    [InlineData("step-3-error-json-text", """{"response":{"outputs":{"output":{},"error":{"error":"E"}}},"success":false,"connectorstatuscode":409,"errormessage":"{\"error\":\"E\"}","autotestingenabled":false}""")]
    [InlineData("step-4-message-object", """{"response":{"outputs":{"output":{},"error":{}}},"success":false,"connectorstatuscode":-400,"errormessage":"{\"why\":\"x\"}","autotestingenabled":false}""")]
    [InlineData("step-4-message-number", """{"response":{"outputs":{"output":{},"error":{}}},"success":false,"connectorstatuscode":-400,"errormessage":"42","autotestingenabled":false}""")]
    [InlineData("step-5-no-code-success", """{"response":{"outputs":{"output":{"a":1},"error":{}}},"success":true,"connectorstatuscode":200,"errormessage":"","autotestingenabled":false}""")]
    [InlineData("step-5-no-code-failure", """{"response":{"outputs":{"output":{},"error":{"error":"x"}}},"success":false,"connectorstatuscode":-200,"errormessage":"{\"error\":\"x\"}","autotestingenabled":false}""")]
    [InlineData("step-5-zero-code-failure", """{"response":{"outputs":{"output":{},"error":{}}},"success":false,"connectorstatuscode":-200,"errormessage":"bad","autotestingenabled":false}""")]
    [InlineData("step-5-code-kept-on-success", """{"response":{"outputs":{"output":{"a":1},"error":{}}},"success":true,"connectorstatuscode":400,"errormessage":"","autotestingenabled":false}""")]
    public async Task S6_1_algorithm_steps(string example, string envelope) =>
        (await ValueAsync(example)).ShouldBe(envelope);
}
