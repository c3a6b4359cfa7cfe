using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;

namespace Patchbay.Core.Data;

/// <summary>An action's inputs after coercion, and every problem found in them.</summary>
/// <param name="Input">
/// What the connector's code receives as <c>data.inputs.input</c>. When there are errors the connector is not run,
/// and this holds what could be coerced (values of the wrong type as given, unknown fields left out), for display.
/// </param>
/// <param name="Diagnostics">Errors, each located in file <c>input</c> by a JSON path such as <c>$.customer.items[2].qty</c>.</param>
public sealed record InputCoercionResult(JsonObject Input, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
