using Patchbay.Compat.Tests.Support;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.Styles;

/// <summary>bizagi-compat §5.1, sync, deferred, async and promise actions: connectors/async-styles. The callback is the answer.</summary>
public sealed class S5_1_AsyncStyleTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private static readonly Patchbay.Core.Model.ConnectorPackage Connector = CompatConnectors.Source("async-styles");

    [Theory]
    [InlineData("sync-callback", """{"style":"sync","n":5}""")]
    [InlineData("deferred-callback", """{"style":"deferred","n":5}""")]
    [InlineData("async-await", """{"style":"async async-await","n":10}""")]
    [InlineData("promise-chain", """{"style":"promise","n":6}""")]
    public async Task S5_1_callback_from_every_style_is_the_answer(string action, string output)
    {
        var result = await fixture.Runtime.RunAsync(Connector, action, """{"n":5}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        Json.Text(result.Envelope).ShouldBe(Json.Success(output));
        Json.Text(result.ShapedOutput).ShouldBe(output);
    }

    [Fact]
    public async Task S5_1_async_invoke_whose_promise_resolves_without_a_callback_times_out()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "async-returns-only", """{"n":5}""", r => r with { Timeout = TimeSpan.FromMilliseconds(700) });

        result.Outcome.ShouldBe(InvocationOutcome.Timeout);
        result.StatusCode().ShouldBe(-408);
        result.FailureMessage.ShouldBe("The action 'async-returns-only' did not answer within 700 ms.");
    }

    [Fact]
    public async Task S5_1_async_invoke_that_rejects_is_the_routers_minus_400_exception()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "async-rejects", """{"n":3}""");

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        Json.Text(result.Envelope).ShouldBe(Json.Failure(-400, "Exception Error, rejected after 3 steps, {}, location: async-styles.bizagiRouter.invokeAction"));
    }
}
