using Patchbay.Core.Diagnostics;

namespace Patchbay.Cli.Output;

/// <summary>Prints diagnostics one per line, errors first, then a count.</summary>
internal sealed class DiagnosticPrinter(TextWriter writer)
{
    public void Print(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.OrderBy(d => d.IsError ? 0 : 1).ToList();
        foreach (var diagnostic in list)
        {
            writer.WriteLine(diagnostic);
        }

        var errors = list.Count(d => d.IsError);
        var warnings = list.Count - errors;
        if (list.Count > 0)
        {
            writer.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
        }
    }
}
