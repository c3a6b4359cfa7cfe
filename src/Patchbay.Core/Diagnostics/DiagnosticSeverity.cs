namespace Patchbay.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
