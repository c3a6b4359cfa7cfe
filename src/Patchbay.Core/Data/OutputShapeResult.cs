using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;

namespace Patchbay.Core.Data;

/// <summary>A connector's output shaped by the action's output tree, and the values that did not fit it.</summary>
/// <param name="Output">The shaped output: an object, or an array of objects when the raw output was an array.</param>
/// <param name="Diagnostics">
/// Warnings (<c>output-type-mismatch</c>), each located in file <c>output</c> by a JSON path. Shaping never fails.
/// </param>
public sealed record OutputShapeResult(JsonNode Output, IReadOnlyList<Diagnostic> Diagnostics);
