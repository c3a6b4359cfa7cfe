namespace Patchbay.Core.Diagnostics;

/// <summary>One problem found in a connector, a package, a library or an input, with its exact place.</summary>
/// <param name="Severity">Errors block packing and loading; warnings do not.</param>
/// <param name="Code">A stable kebab-case code, such as <c>duplicate-action</c>.</param>
/// <param name="Location">The file and the path inside it.</param>
/// <param name="Message">What is wrong and, where it helps, what to do.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, Location Location, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static Diagnostic Error(string code, Location location, string message) =>
        new(DiagnosticSeverity.Error, code, location, message);

    public static Diagnostic Warning(string code, Location location, string message) =>
        new(DiagnosticSeverity.Warning, code, location, message);

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
