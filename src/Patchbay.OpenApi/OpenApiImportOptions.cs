namespace Patchbay.OpenApi;

/// <summary>Choices the document cannot make for the importer.</summary>
public sealed record OpenApiImportOptions
{
    /// <summary>The connector's name; the document's <c>info.title</c> when null.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The base URI; when null it comes from the first <c>servers</c> entry (Swagger 2.0: scheme, host and basePath).
    /// Needed when the document's server is relative or missing.
    /// </summary>
    public string? BaseUri { get; init; }

    /// <summary>Where the document was read from; a relative server URL is resolved against an http(s) location.</summary>
    public Uri? DocumentLocation { get; init; }

    /// <summary>Makes the connector's and actions' GUIDs.</summary>
    /// <value><see cref="Guid.NewGuid"/>.</value>
    public Func<Guid> NewGuid { get; init; } = Guid.NewGuid;
}
