using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Patchbay.OpenApi;

/// <summary>Reads an OpenAPI 3.0/3.1 or Swagger 2.0 document, JSON or YAML, with Microsoft.OpenApi; its complaints go to the report.</summary>
internal static partial class DocumentReader
{
    public sealed record Result(OpenApiDocument? Document, OpenApiSpecVersion Version, string? Failure);

    public static Result Read(string text, ImportReport report)
    {
        var settings = new OpenApiReaderSettings
        {
            // Swagger 2.0 without 'produces'/'consumes' means JSON in practice, not application/octet-stream.
            DefaultContentType = ["application/json"],
            LoadExternalRefs = false,
        };
        settings.AddYamlReader();
        var format = text.TrimStart().StartsWith('{') ? OpenApiConstants.Json : OpenApiConstants.Yaml;

        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(text, format, settings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The text is untrusted and only the parser runs here. Microsoft.OpenApi throws many kinds of exception on
            // malformed input: its own, YAML and JSON errors, and also null dereferences and index errors (found by
            // fuzzing). Each means the same to the person: this document cannot be read.
            return new Result(null, default, $"The document is not valid {format.ToUpperInvariant()}: {e.Message}");
        }

        var diagnostic = result.Diagnostic;
        foreach (var error in diagnostic?.Errors ?? [])
        {
            report.Add(new ImportReportItem(ImportItemKind.ReadError, PointerOf(error), MessageOf(error)));
        }

        foreach (var warning in diagnostic?.Warnings ?? [])
        {
            report.Add(new ImportReportItem(ImportItemKind.ReadWarning, PointerOf(warning), MessageOf(warning)));
        }

        var document = result.Document;
        if (document is null || diagnostic is null)
        {
            var first = diagnostic?.Errors.FirstOrDefault();
            var reason = first is null ? "it is not an OpenAPI 3.x or Swagger 2.0 document" : $"{PointerOf(first)}: {MessageOf(first)}";
            return new Result(null, default, $"The document could not be read: {reason}.");
        }

        if (document.Paths is null || document.Paths.Count == 0)
        {
            return new Result(null, diagnostic.SpecificationVersion, "#/paths: the document has no operations to import.");
        }

        return new Result(document, diagnostic.SpecificationVersion, null);
    }

    public static string Describe(OpenApiSpecVersion version) => version switch
    {
        OpenApiSpecVersion.OpenApi2_0 => "Swagger 2.0",
        OpenApiSpecVersion.OpenApi3_0 => "OpenAPI 3.0",
        OpenApiSpecVersion.OpenApi3_1 => "OpenAPI 3.1",
        _ => "OpenAPI 3.2",
    };

    /// <summary>The library gives some places as a pointer and others inside the message ("... at #/paths/...").</summary>
    private static string PointerOf(OpenApiError error)
    {
        if (!string.IsNullOrEmpty(error.Pointer))
        {
            return error.Pointer.StartsWith('#') ? error.Pointer : "#" + error.Pointer;
        }

        var match = PointerInMessage().Match(error.Message ?? "");
        return match.Success ? match.Groups[1].Value : JsonPointer.Root;
    }

    private static string MessageOf(OpenApiError error) => (error.Message ?? "").Trim();

    [GeneratedRegex(@"\bat (#[^\s]*)")]
    private static partial Regex PointerInMessage();
}
