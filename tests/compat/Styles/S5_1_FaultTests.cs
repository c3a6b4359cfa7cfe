using Patchbay.Compat.Tests.Support;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.Styles;

/// <summary>
/// bizagi-compat §5.1, the variants that need "a timeout and crash isolation": connectors/faults. Bizagi's worker
/// dropped the call; Patchbay answers with the outcomes of docs/errors.md (documented deviation).
/// </summary>
public sealed class S5_1_FaultTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private static readonly Patchbay.Core.Model.ConnectorPackage Connector = CompatConnectors.Source("faults");

    [Fact]
    public async Task S5_1_action_that_never_calls_back_times_out_with_minus_408_and_the_worker_stays()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "never-calls-back", edit: r => r with { Timeout = TimeSpan.FromMilliseconds(700) });

        result.Outcome.ShouldBe(InvocationOutcome.Timeout);
        result.StatusCode().ShouldBe(-408);
        result.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("TIMEOUT");
        (await fixture.Runtime.RunAsync(Connector, "healthy")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task S5_1_synchronous_throw_is_the_routers_minus_400_GLB_EXCEPTION()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "throws-sync");

        Json.Text(result.Envelope).ShouldBe(Json.Failure(-400, "Exception Error, Cannot read properties of undefined (reading id), {}, location: faults.bizagiRouter.invokeAction"));
    }

    [Fact]
    public async Task S5_1_asynchronous_throw_crashes_only_its_worker_with_minus_502()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "throws-async");

        result.Outcome.ShouldBe(InvocationOutcome.WorkerCrashed);
        result.StatusCode().ShouldBe(-502);
        result.FailureMessage!.ShouldContain("socket hang up in a handler nobody wrapped");
        Json.Text((await fixture.Runtime.RunAsync(Connector, "healthy")).Envelope).ShouldBe(Json.Success("""{"ok":true}"""));
    }

    [Fact]
    public async Task S5_1_LOG_called_as_a_function_throws_and_is_minus_400()
    {
        var result = await fixture.Runtime.RunAsync(Connector, "log-as-function");

        Json.Text(result.Envelope).ShouldBe(Json.Failure(-400, "Exception Error, log is not a function, {}, location: faults.bizagiRouter.invokeAction"));
    }
}
