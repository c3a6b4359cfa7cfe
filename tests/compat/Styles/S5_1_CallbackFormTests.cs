using Patchbay.Compat.Tests.Support;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.Styles;

/// <summary>bizagi-compat §5.1 (and §5.5), what actions hand to their callback: connectors/callback-forms.</summary>
public sealed class S5_1_CallbackFormTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private static readonly Patchbay.Core.Model.ConnectorPackage Connector = CompatConnectors.Source("callback-forms");

    [Theory]
    [InlineData("response-object", """{"form":"object"}""", 200)]
    [InlineData("stringified-response", """{"form":"stringified"}""", 201)]
    [InlineData("handwritten-json", """{"form":"handwritten"}""", 200)]
    public async Task S5_1_callback_with_an_object_or_its_json_text_is_the_envelope(string action, string output, int code)
    {
        var result = await fixture.Runtime.RunAsync(Connector, action);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        Json.Text(result.Envelope).ShouldBe(Json.Success(output, code));
        Json.Text(result.ShapedOutput).ShouldBe(output);
    }

    [Fact]
    public async Task S5_1_callback_with_text_that_is_no_envelope_is_minus_200()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "text-not-json");

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        Json.Text(result.Envelope).ShouldBe(Json.Failure(-200, "The connector called back with text that is not a response: done, all good"));
    }

    [Fact]
    public async Task S5_1_callback_called_twice_keeps_the_first_answer()
    {
        var first = await fixture.Runtime.RunAsync(Connector, "called-twice");
        var again = await fixture.Runtime.RunAsync(Connector, "called-twice");

        Json.Text(first.Envelope).ShouldBe(Json.Success("""{"form":"first"}"""));
        Json.Text(again.Envelope).ShouldBe(Json.Success("""{"form":"first"}"""));
    }

    [Fact]
    public async Task S5_5_success_true_with_code_400_is_passed_unchanged_and_counts_as_a_failure()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "success-with-400");

        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"form":"failed softly"}""", 400));
        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
    }

    [Fact]
    public async Task S5_2_error_object_fills_outputs_error_with_the_default_error_tree()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "error-object");

        Json.Text(result.Envelope).ShouldBe("""{"response":{"outputs":{"output":{},"error":{"error":"NOT_FOUND","message":"Resource not found: /items/7","status":404}}},"success":false,"connectorstatuscode":404,"errormessage":"{\"error\":\"NOT_FOUND\",\"message\":\"Resource not found: /items/7\",\"status\":404}","autotestingenabled":false}""");
        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
    }
}
