using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>The result of reading an action's <c>xsdoutput</c>: the output and error trees and what was wrong.</summary>
/// <param name="Outputs">The fields of <c>outputs/output</c>; empty when absent or when the XSD could not be read.</param>
/// <param name="Errors">
/// The fields of <c>outputs/error</c>; <see cref="DataTrees.DefaultError"/> when the <c>error</c> element is absent,
/// empty when the XSD could not be read.
/// </param>
/// <param name="Diagnostics">Errors and warnings, each located by file and element path.</param>
public sealed record XsdOutputSchema(ValueList<DataNode> Outputs, ValueList<DataNode> Errors, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
