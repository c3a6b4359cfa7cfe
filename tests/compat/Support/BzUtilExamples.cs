using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.Support;

/// <summary>
/// connectors/bz-util-examples: one action per section of bizagi-compat §6, whose input names the example to run.
/// The action answers <c>{value, type}</c> with what the example gave, or <c>{thrown}</c> when it threw.
/// </summary>
internal static class BzUtilExamples
{
    public static ConnectorPackage Connector { get; } = CompatConnectors.Source("bz-util-examples");

    public static async Task<JsonNode> RunAsync(ConnectorRuntime runtime, string action, string example, bool enableLog = false)
    {
        var result = await RunWithLogsAsync(runtime, action, example, enableLog);
        return result.Output()!;
    }

    public static async Task<InvocationResult> RunWithLogsAsync(ConnectorRuntime runtime, string action, string example, bool enableLog = false)
    {
        var result = await runtime.RunAsync(Connector, action, new JsonObject { ["example"] = example }.ToJsonString(), r => r with { EnableLog = enableLog, ProjectName = "bz" });
        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        return result;
    }

    /// <summary>The example's value as JSON text.</summary>
    public static async Task<string> ValueAsync(ConnectorRuntime runtime, string action, string example, bool enableLog = false)
    {
        var output = await RunAsync(runtime, action, example, enableLog);
        output["thrown"].ShouldBeNull($"{example} threw: {Json.Text(output["thrown"])}");
        return Json.Text(output["value"]);
    }

    /// <summary>The <c>code</c> of what the example threw.</summary>
    public static async Task<JsonNode> ThrownAsync(ConnectorRuntime runtime, string action, string example)
    {
        var output = await RunAsync(runtime, action, example);
        return output["thrown"].ShouldNotBeNull($"{example} did not throw but gave {Json.Text(output["value"])}");
    }
}
