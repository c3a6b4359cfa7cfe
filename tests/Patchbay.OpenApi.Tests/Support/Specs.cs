using Patchbay.Core.Model;
using Patchbay.Core.Validation;

namespace Patchbay.OpenApi.Tests.Support;

/// <summary>The test documents in <c>Specs/</c> (see its README for their origin) and imports of them.</summary>
internal static class Specs
{
    public const string Petstore3 = "petstore3.json";
    public const string Petstore2 = "petstore-swagger2.yaml";
    public const string TrainTravel = "train-travel.yaml";
    public const string Stripe = "stripe.yaml";
    public const string GitHub = "github.yaml";
    public const string OpenWeatherMap = "openweathermap.yaml";
    public const string Spotify = "spotify.yaml";
    public const string EdgeCases = "edge-cases.yaml";

    /// <summary>Petstore 3.0 names a relative server; its tests give the address the way a user gives --base-uri.</summary>
    public const string PetstoreBaseUri = "https://petstore3.swagger.io/api/v3";

    public static IEnumerable<string> All => [Petstore3, Petstore2, TrainTravel, Stripe, GitHub, OpenWeatherMap, Spotify, EdgeCases];

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Specs", file);

    public static string Text(string file) => File.ReadAllText(PathOf(file));

    /// <summary>Imports a document with GUIDs counted from 1, so that two imports are equal.</summary>
    public static OpenApiImportResult Import(string file, OpenApiImportOptions? options = null)
    {
        var counter = 0;
        var result = OpenApiImporter.Import(Text(file), (options ?? Options(file)) with
        {
            NewGuid = () => new Guid(++counter, 0, 0, new byte[8]),
        });
        result.Failure.ShouldBeNull();
        result.Package.ShouldNotBeNull();
        return result;
    }

    public static OpenApiImportOptions Options(string file) =>
        file == Petstore3 ? new OpenApiImportOptions { BaseUri = PetstoreBaseUri } : new OpenApiImportOptions();

    public static ConnectorDefinition Definition(this OpenApiImportResult result) => result.Package!.Definition;

    public static ActionDefinition Action(this OpenApiImportResult result, string name) =>
        result.Definition().Actions.SingleOrDefault(a => a.Name == name)
        ?? throw new ShouldAssertException($"No action '{name}'; the actions are {string.Join(", ", result.Definition().Actions.Select(a => a.Name))}.");

    public static RestRequest Rest(this OpenApiImportResult result, string name) => result.Action(name).Rest!;

    /// <summary>Asserts the report has an item of this kind at this pointer whose message contains <paramref name="text"/>.</summary>
    public static void ShouldReport(this OpenApiImportResult result, ImportItemKind kind, string pointer, string text)
    {
        var items = result.Report.Items;
        if (!items.Any(i => i.Kind == kind && i.Location == pointer && i.Message.Contains(text, StringComparison.Ordinal)))
        {
            throw new ShouldAssertException($"No {kind} item at {pointer} mentioning \"{text}\"; the report is:\n{string.Join('\n', items)}");
        }
    }

    public static IReadOnlyList<Core.Diagnostics.Diagnostic> Validate(this OpenApiImportResult result) =>
        ConnectorValidator.Validate(result.Package!, DefinitionLocations.SourceFolder);

    public static string Names(this IEnumerable<DataNode> nodes) => string.Join(", ", nodes.Select(n => n.Name));
}
