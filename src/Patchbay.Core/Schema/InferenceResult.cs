using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>A data tree inferred from a sample JSON document, and what was doubtful about the sample.</summary>
/// <param name="Tree">The inferred fields; empty when the sample could not describe a tree.</param>
/// <param name="Diagnostics">Errors and warnings, each located by file and JSON path (<c>$.customer["first name"]</c>).</param>
public sealed record InferenceResult(ValueList<DataNode> Tree, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
