using System.CommandLine;
using Patchbay.Core.Authoring;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Source;
using Patchbay.Core.Validation;
using Patchbay.OpenApi;

namespace Patchbay.Cli.Commands;

/// <summary>
/// <c>patchbay import openapi &lt;file-or-url&gt;</c>: an Easy REST connector source folder generated from an OpenAPI
/// 3.0/3.1 or Swagger 2.0 document, with a report of everything not mapped exactly (docs/openapi-import.md).
/// </summary>
internal static class ImportCommand
{
    /// <summary>A document server that does not answer within this is not waited for.</summary>
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(30);

    public static Command Create(CliContext context)
    {
        var source = new Argument<string>("source") { Description = "The document: a file path, a file:// URL or an http(s):// URL (JSON or YAML)." };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to create; default the kebab-case connector name." };
        var name = new Option<string?>("--name") { Description = "The connector's name; default the document's info.title." };
        var baseUri = new Option<string?>("--base-uri") { Description = "The API's address, when the document's server is relative or missing (or to use another one)." };
        var report = new Option<string?>("--report") { Description = "Also write the import report to this JSON file." };
        var openapi = new Command("openapi", "Generate an Easy REST connector from an OpenAPI 3.0/3.1 or Swagger 2.0 document.") { source, output, name, baseUri, report };
        openapi.SetAction(async (parse, cancellationToken) =>
        {
            var givenBaseUri = parse.GetValue(baseUri);
            if (givenBaseUri is not null && !(Uri.TryCreate(givenBaseUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                throw new UserErrorException($"--base-uri '{givenBaseUri}' is not an absolute http(s) URL.");
            }

            var (text, location) = await LoadAsync(context, parse.GetValue(source)!, cancellationToken);
            var result = OpenApiImporter.Import(text, new OpenApiImportOptions { Name = parse.GetValue(name), BaseUri = givenBaseUri, DocumentLocation = location });
            if (parse.GetValue(report) is { } reportFile)
            {
                await File.WriteAllTextAsync(context.Resolve(reportFile), result.Report.ToJson(), cancellationToken);
            }

            if (result.Package is not { } package)
            {
                PrintReport(context, result.Report);
                throw new UserErrorException($"{parse.GetValue(source)}: {result.Failure}");
            }

            var folder = context.Resolve(parse.GetValue(output) ?? package.Definition.FolderName);
            SourceFolder.Write(package, folder, overwrite: false);
            context.Output.WriteLine(folder);
            PrintSummary(context, result, package.Definition);
            PrintReport(context, result.Report);

            var diagnostics = ConnectorValidator.Validate(package, DefinitionLocations.SourceFolder);
            context.Diagnostics.Print(diagnostics);
            if (diagnostics.Any(d => d.IsError))
            {
                var hint = package.Definition.BaseUri.Length == 0 ? " Give the API's address with --base-uri, or set baseUri in connector.json." : "";
                context.Error.WriteLine($"The connector was written but is not valid yet.{hint}");
                return ExitCodes.UserError;
            }

            context.Error.WriteLine($"{package.Definition.Name} {package.Definition.Version} is valid. Next: 'patchbay validate' and 'patchbay pack' in {folder}.");
            return ExitCodes.Success;
        });
        return new Command("import", "Create a connector from another description of an API.") { openapi };
    }

    private static async Task<(string Text, Uri Location)> LoadAsync(CliContext context, string source, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return await OpenApiSource.LoadAsync(source, context.WorkingDirectory, http, OpenApiSource.DefaultMaxBytes, DownloadTimeout, cancellationToken);
        }
        catch (OpenApiSourceException e)
        {
            throw new UserErrorException(e.Message);
        }
    }

    private static void PrintSummary(CliContext context, OpenApiImportResult result, ConnectorDefinition definition)
    {
        var authentication = definition.Authentication;
        var grant = authentication.Grant is { } g ? $" ({Naming.ToKebabCase(g.ToString()).Replace('-', '_')})" : "";
        var defaults = string.Join(", ", authentication.Parameters.Where(p => p.DefaultValue.Length > 0).Select(p => $"{p.Name}={p.DefaultValue}"));
        context.Error.WriteLine($"Imported '{definition.Name}' {definition.Version} from {result.SpecificationVersion}:");
        context.Error.WriteLine($"  {definition.Actions.Count} action{(definition.Actions.Count == 1 ? "" : "s")}: {string.Join(", ", definition.Actions.Select(a => $"{a.Name} ({a.Rest!.Method})"))}");
        context.Error.WriteLine($"  base URI: {(definition.BaseUri.Length == 0 ? "(none)" : definition.BaseUri)}");
        context.Error.WriteLine($"  authentication: {authentication.Name}{grant}{(defaults.Length == 0 ? "" : $"; defaults {defaults}")}");
    }

    private static void PrintReport(CliContext context, ImportReport report)
    {
        var count = report.Items.Count;
        context.Error.WriteLine($"{count} report item{(count == 1 ? "" : "s")}{(count == 0 ? "." : ":")}");
        foreach (var item in report.Items)
        {
            context.Error.WriteLine($"  {item}");
        }
    }
}
