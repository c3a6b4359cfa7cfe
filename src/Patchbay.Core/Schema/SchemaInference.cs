using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>Infers a data tree from a sample JSON document, as the Connector Editor's "autogenerate" does.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Numbers: exponent notation → Double, a fraction ('.') → Decimal, whole → Integer (from the literal text).</item>
/// <item><c>true</c>/<c>false</c> → Boolean; ISO-8601 dates and date-times (<c>2024-05-01</c>,
/// <c>2024-05-01T10:20:30.123+02:00</c>) → Date; other strings and <c>null</c> → String.</item>
/// <item>Objects → Object with children; arrays → a list of their elements' merged shape: objects take the union
/// of fields in first-seen order, Integer+Decimal → Decimal, Integer/Decimal+Double → Double, Date+String → String,
/// an object and a primitive → Object (warning), other mixes → String (warning). Nulls in arrays are ignored.</item>
/// <item>An empty array → a list of String (warning); an array of arrays → a list of the inner element type
/// (warning), since trees have no nested lists.</item>
/// <item>A top-level array of objects gives the merged object's fields as the tree; a top-level array of
/// primitives gives one list field called <c>items</c> (warning); a top-level primitive is an error.</item>
/// <item>Field names that are not XML element names are kept but reported (<c>invalid-field-name</c>).</item>
/// <item>Inferred fields are never required.</item>
/// </list>
/// </remarks>
public static class SchemaInference
{
    /// <summary>The name of the single list field inferred from a top-level array of primitives.</summary>
    public const string ItemsField = "items";

    private static readonly JsonDocumentOptions SampleOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A JsonObject with a repeated name throws when enumerated; reject it while parsing instead.
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses the sample (comments and trailing commas allowed) and infers its tree.</summary>
    /// <remarks>Invalid JSON, including a property repeated in one object, is an <c>invalid-json</c> error.</remarks>
    public static InferenceResult Infer(string json, string fileForDiagnostics)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? sample;
        try
        {
            sample = JsonNode.Parse(json, documentOptions: SampleOptions);
        }
        catch (JsonException e)
        {
            var where = $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}";
            return new InferenceResult([], [Diagnostic.Error(SchemaDiagnosticCodes.InvalidJson, new Location(fileForDiagnostics, where), "The sample is not valid JSON.")]);
        }

        return Infer(sample, fileForDiagnostics);
    }

    /// <summary>Infers the tree of a sample object, or of the elements of a sample array.</summary>
    public static InferenceResult Infer(JsonNode? sample, string fileForDiagnostics)
    {
        ArgumentNullException.ThrowIfNull(fileForDiagnostics);
        var diagnostics = new DiagnosticList();
        var reader = new SampleShapeReader(fileForDiagnostics, diagnostics);
        ValueList<DataNode> tree = [];
        switch (sample)
        {
            case JsonObject json:
                tree = reader.Read(json, "$").ToTree();
                break;
            case JsonArray array:
                var element = reader.ReadArray(array, "$");
                if (element.Type == DataType.Object)
                {
                    tree = element.ToTree();
                }
                else
                {
                    diagnostics.Warning(SchemaDiagnosticCodes.TopLevelArray, new Location(fileForDiagnostics, "$"), $"The sample is an array of primitives; it becomes one list field called '{ItemsField}'.");
                    tree = [element.ToNode(ItemsField)];
                }

                break;
            default:
                diagnostics.Error(SchemaDiagnosticCodes.InvalidSample, new Location(fileForDiagnostics, "$"), $"The sample is {sample?.GetValueKind().ToString() ?? "null"}; it must be a JSON object or an array of objects.");
                break;
        }

        return new InferenceResult(tree, diagnostics.Distinct().ToList());
    }
}
