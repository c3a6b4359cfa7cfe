using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>The result of reading an action's <c>xsdinput</c>: the input tree and what was wrong with the XSD.</summary>
/// <param name="Inputs">The fields of <c>inputs/input</c>; empty when the XSD could not be read.</param>
/// <param name="Diagnostics">Errors and warnings, each located by file and element path.</param>
public sealed record XsdInputSchema(ValueList<DataNode> Inputs, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
