using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Tests.Support;

internal static class RuntimeExtensions
{
    /// <summary>Invokes with the test's cancellation token and a generous bound, so a hung runtime fails one test, not the run.</summary>
    public static Task<InvocationResult> RunAsync(this ConnectorRuntime runtime, ConnectorPackage connector, string action, string? inputs = null, Func<InvocationRequest, InvocationRequest>? edit = null)
    {
        var request = new InvocationRequest { Connector = connector, Action = action, Inputs = inputs is null ? null : JsonNode.Parse(inputs) };
        return runtime.InvokeAsync(edit is null ? request : edit(request), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public static JsonNode? Output(this InvocationResult result) => result.Envelope["response"]?["outputs"]?["output"];

    public static int StatusCode(this InvocationResult result) => result.Envelope["connectorstatuscode"]!.GetValue<int>();

    public static string ErrorMessage(this InvocationResult result) => result.Envelope["errormessage"]!.GetValue<string>();
}
