using Patchbay.Core.Authoring;
using Patchbay.Core.Model;

namespace Patchbay.OpenApi;

/// <summary>
/// Generates an Easy REST connector from an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML): one action
/// per operation, authentication from the security schemes, and a report of everything not mapped exactly.
/// The mapping is described in <c>docs/openapi-import.md</c>.
/// </summary>
public static class OpenApiImporter
{
    /// <summary>Imports the document <paramref name="text"/>; never throws for a bad document, which comes back as a <see cref="OpenApiImportResult.Failure"/>.</summary>
    public static OpenApiImportResult Import(string text, OpenApiImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var report = new ImportReport();
        var read = DocumentReader.Read(text, report);
        if (read.Document is not { } document)
        {
            return new OpenApiImportResult { Report = report, Failure = read.Failure };
        }

        var pointers = new DocumentPointers(read.Version);
        var schemas = new SchemaMapper(pointers, report);
        var security = new SecurityMapper(document, pointers, report);
        var name = InfoMapper.Name(options.Name, document.Info, report);
        var version = InfoMapper.Version(document.Info, report);
        var baseUri = ServerMapper.BaseUri(document, options, pointers, report);
        var (authentication, schemeId) = security.Map();
        var actions = new OperationMapper(document, pointers, schemas, security, authentication, schemeId, report, options.NewGuid).MapAll();

        var folder = Naming.ToKebabCase(name);
        var definition = new ConnectorDefinition
        {
            GlobalGuid = options.NewGuid().ToString(),
            Name = name,
            FolderName = folder.Length == 0 ? "imported-api" : folder,
            Version = version,
            Description = (document.Info?.Description ?? document.Info?.Summary ?? "").Trim(),
            Website = InfoMapper.Website(document),
            Author = document.Info?.Contact?.Name ?? "",
            Type = ConnectorType.EasyRest,
            BaseUri = baseUri,
            Authentication = authentication,
            Actions = actions.ToValueList(),
        };
        return new OpenApiImportResult
        {
            Package = new ConnectorPackage { Definition = definition },
            Report = report,
            SpecificationVersion = DocumentReader.Describe(read.Version),
        };
    }
}
