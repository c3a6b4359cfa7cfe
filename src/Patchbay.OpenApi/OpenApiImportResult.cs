using Patchbay.Core.Model;

namespace Patchbay.OpenApi;

/// <summary>The connector generated from a document, or none when the document could not be read, and the report.</summary>
public sealed record OpenApiImportResult
{
    /// <summary>The Easy REST connector; null when the document could not be read as OpenAPI at all.</summary>
    public ConnectorPackage? Package { get; init; }

    public required ImportReport Report { get; init; }

    /// <summary>Why nothing was generated, naming the place in the document; null when <see cref="Package"/> is set.</summary>
    public string? Failure { get; init; }

    /// <summary>The version of the document, e.g. "OpenAPI 3.1" or "Swagger 2.0"; empty when unknown.</summary>
    public string SpecificationVersion { get; init; } = "";
}
