using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>A data tree read from <c>connector.json</c>, and what was wrong with it.</summary>
/// <param name="Tree">The fields that could be read; a field with an error is left out.</param>
/// <param name="Diagnostics">Errors, each located by file and JSON path.</param>
public sealed record DataTreeReadResult(ValueList<DataNode> Tree, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
