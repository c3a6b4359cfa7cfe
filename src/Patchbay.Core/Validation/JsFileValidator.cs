using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Validation;

/// <summary>Checks that a code file exists, parses and exports <c>invoke</c>.</summary>
internal static class JsFileValidator
{
    public static void ValidateInvokeModule(FileSet files, string path, string missingCode, DiagnosticList diagnostics)
    {
        var code = files.GetText(path);
        if (code is null)
        {
            diagnostics.Error(missingCode, new Location(path), $"{path} is missing.");
            return;
        }

        var report = JsModuleInspector.Inspect(code);
        if (report.SyntaxError is not null)
        {
            diagnostics.Error("js-syntax-error", new Location(path, report.SyntaxError.Position), $"Syntax error: {report.SyntaxError.Description}.");
        }
        else if (!report.ExportsInvoke && !report.ExportsAreOpaque)
        {
            diagnostics.Error("missing-invoke-export", new Location(path), "The file does not export invoke; add 'exports.invoke = invoke;'.");
        }
    }
}
