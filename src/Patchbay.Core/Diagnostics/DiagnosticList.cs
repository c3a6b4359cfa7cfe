namespace Patchbay.Core.Diagnostics;

/// <summary>Collects every problem instead of stopping at the first one.</summary>
public sealed class DiagnosticList : List<Diagnostic>
{
    public bool HasErrors => this.Any(d => d.IsError);

    public void Error(string code, Location location, string message) => Add(Diagnostic.Error(code, location, message));

    public void Warning(string code, Location location, string message) => Add(Diagnostic.Warning(code, location, message));
}
