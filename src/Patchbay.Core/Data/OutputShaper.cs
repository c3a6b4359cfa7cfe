using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Data;

/// <summary>
/// Shapes a connector's raw output by the action's output tree: keeps the tree's fields, converts values
/// to their types where nothing is lost, and warns about the rest. The rules are in <c>docs/inputs.md</c>.
/// </summary>
/// <remarks>
/// Shaping never fails and never drops a value of a known field: a value that does not fit its type is passed on
/// as it is, with an <c>output-type-mismatch</c> warning. Fields the tree does not describe are left out of the
/// shaped output; the caller keeps the raw output beside it.
/// </remarks>
public static class OutputShaper
{
    /// <summary>The file name of every diagnostic's <see cref="Location"/>.</summary>
    public const string LocationFile = "output";

    private const string Root = "$";

    /// <summary>Shapes <paramref name="rawOutput"/> (what the connector returned as <c>outputs.output</c>).</summary>
    /// <param name="rawOutput">The raw output; null is read as <c>{}</c>, as bz-util's <c>getResponse</c> does.</param>
    /// <param name="tree">
    /// The action's output fields. When empty the author described no outputs and the raw output is returned unchanged.
    /// </param>
    public static OutputShapeResult Shape(JsonNode? rawOutput, ValueList<DataNode> tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var diagnostics = new DiagnosticList();
        var raw = rawOutput ?? new JsonObject();
        if (tree.Count == 0)
        {
            return new OutputShapeResult(raw.DeepClone(), diagnostics);
        }

        // A REST list endpoint returns an array of records: each element is shaped by the tree.
        var shaped = raw is JsonArray array
            ? new JsonArray([.. array.Select((item, i) => ShapeRecord(item, tree, $"{Root}[{i}]", diagnostics))])
            : ShapeRecord(raw, tree, Root, diagnostics);
        return new OutputShapeResult(shaped ?? new JsonObject(), diagnostics);
    }

    private static JsonNode? ShapeRecord(JsonNode? value, ValueList<DataNode> fields, string path, DiagnosticList diagnostics)
    {
        if (value is JsonObject source)
        {
            return ShapeObject(source, fields, path, diagnostics);
        }

        Mismatch("an object of fields", value, null, path, diagnostics);
        return value?.DeepClone();
    }

    private static JsonObject ShapeObject(JsonObject source, ValueList<DataNode> fields, string path, DiagnosticList diagnostics)
    {
        var result = new JsonObject();
        foreach (var field in fields)
        {
            if (source.TryGetPropertyValue(field.Name, out var value))
            {
                result[field.Name] = value is null ? null : ShapeField(field, value, JsonPaths.Property(path, field.Name), diagnostics);
            }
        }

        return result;
    }

    private static JsonNode ShapeField(DataNode field, JsonNode value, string path, DiagnosticList diagnostics)
    {
        if (!field.IsList)
        {
            if (value is JsonArray)
            {
                Mismatch(ValueDescriptions.Expected(field.Type), value, "a list where one value is expected", path, diagnostics);
                return value.DeepClone();
            }

            return ShapeItem(field, value, path, diagnostics)!;
        }

        if (value is JsonArray array)
        {
            return new JsonArray([.. array.Select((item, i) => ShapeItem(field, item, $"{path}[{i}]", diagnostics))]);
        }

        if (field.Type == DataType.Byte && value is JsonValue bytes && SimpleValues.IsBase64(bytes))
        {
            return bytes.DeepClone();
        }

        // XML-to-JSON converters write a one-element list as the element itself; the tree says it is a list.
        return new JsonArray(ShapeItem(field, value, $"{path}[0]", diagnostics));
    }

    private static JsonNode? ShapeItem(DataNode field, JsonNode? value, string path, DiagnosticList diagnostics)
    {
        string? reason = null;
        switch (value)
        {
            case null:
                return null;
            case JsonObject source when field.Type == DataType.Object:
                return ShapeObject(source, field.Children, path, diagnostics);
            case JsonValue simple when field.Type != DataType.Object
                                       && SimpleValues.TryConvert(simple, field.Type, out var converted, out reason):
                return converted;
        }

        Mismatch(ValueDescriptions.Expected(field.Type), value, reason, path, diagnostics);
        return value.DeepClone();
    }

    private static void Mismatch(string expected, JsonNode? value, string? reason, string path, DiagnosticList diagnostics) =>
        diagnostics.Warning(
            DataDiagnosticCodes.OutputTypeMismatch,
            new Location(LocationFile, path),
            ValueDescriptions.WrongType(expected, value, reason) + " It is passed on as it is.");
}
