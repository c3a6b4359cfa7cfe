using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Data;

/// <summary>
/// Checks an action's inputs against its input tree and brings each value to its type's normal form,
/// before any connector code runs. The rules are in <c>docs/inputs.md</c>.
/// </summary>
/// <remarks>
/// Every problem is reported, not only the first, so a caller can fix a whole mapping at once.
/// Field names are matched exactly (case-sensitive), as the connector's JavaScript reads them.
/// </remarks>
public static class InputCoercer
{
    /// <summary>The file name of every diagnostic's <see cref="Location"/>.</summary>
    public const string LocationFile = "input";

    private const string Root = "$";

    /// <summary>Coerces <paramref name="inputs"/> (the value of <c>data.inputs.input</c>) to <paramref name="tree"/>.</summary>
    /// <param name="inputs">The inputs as received; null is read as <c>{}</c>.</param>
    /// <param name="tree">The action's input fields.</param>
    public static InputCoercionResult Coerce(JsonNode? inputs, ValueList<DataNode> tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var diagnostics = new DiagnosticList();
        if (inputs is not (null or JsonObject))
        {
            diagnostics.Error(
                DataDiagnosticCodes.InputNotObject,
                new Location(LocationFile, Root),
                $"The inputs must be a JSON object of fields, got {ValueDescriptions.Given(inputs)}.");
            return new InputCoercionResult([], diagnostics);
        }

        var input = CoerceObject(inputs as JsonObject ?? [], tree, Root, diagnostics);
        return new InputCoercionResult(input, diagnostics);
    }

    private static JsonObject CoerceObject(JsonObject source, ValueList<DataNode> fields, string path, DiagnosticList diagnostics)
    {
        foreach (var name in source.Select(p => p.Key))
        {
            if (!fields.Any(f => f.Name.Equals(name, StringComparison.Ordinal)))
            {
                diagnostics.Error(DataDiagnosticCodes.UnknownInput, new Location(LocationFile, JsonPaths.Property(path, name)), Unknown(name, fields));
            }
        }

        var result = new JsonObject();
        foreach (var field in fields)
        {
            var fieldPath = JsonPaths.Property(path, field.Name);
            var present = source.TryGetPropertyValue(field.Name, out var value);
            if (value is not null)
            {
                result[field.Name] = CoerceField(field, value, fieldPath, diagnostics);
            }
            else if (field.IsRequired)
            {
                diagnostics.Error(
                    DataDiagnosticCodes.MissingRequiredInput,
                    new Location(LocationFile, fieldPath),
                    $"'{field.Name}' is required ({ValueDescriptions.Expected(field)}) but is {(present ? "null" : "missing")}.");
            }
            else if (present)
            {
                result[field.Name] = null;
            }
        }

        return result;
    }

    private static JsonNode CoerceField(DataNode field, JsonNode value, string path, DiagnosticList diagnostics)
    {
        if (!field.IsList)
        {
            return CoerceItem(field, value, path, diagnostics)!;
        }

        if (value is JsonArray array)
        {
            return new JsonArray([.. array.Select((item, i) => CoerceItem(field, item, $"{path}[{i}]", diagnostics))]);
        }

        if (field.Type == DataType.Byte && value is JsonValue bytes && SimpleValues.IsBase64(bytes))
        {
            return bytes.DeepClone();
        }

        var reason = field.Type == DataType.Byte && value is JsonValue ? "a Byte list also takes file content as a base64 string, and this is not base64" : null;
        WrongType(ValueDescriptions.Expected(field), value, reason, path, diagnostics);
        return value.DeepClone();
    }

    private static JsonNode? CoerceItem(DataNode field, JsonNode? value, string path, DiagnosticList diagnostics)
    {
        string? reason = null;
        switch (value)
        {
            case JsonObject source when field.Type == DataType.Object:
                return CoerceObject(source, field.Children, path, diagnostics);
            case JsonValue simple when field.Type != DataType.Object
                                       && SimpleValues.TryConvert(simple, field.Type, out var converted, out reason):
                return converted;
        }

        WrongType(ValueDescriptions.Expected(field.Type), value, reason, path, diagnostics);
        return value?.DeepClone();
    }

    private static void WrongType(string expected, JsonNode? value, string? reason, string path, DiagnosticList diagnostics) =>
        diagnostics.Error(DataDiagnosticCodes.WrongType, new Location(LocationFile, path), ValueDescriptions.WrongType(expected, value, reason));

    private static string Unknown(string name, ValueList<DataNode> fields)
    {
        var near = fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (near is not null)
        {
            return $"'{name}' is not an input of this action; did you mean '{near.Name}'? Names are case-sensitive.";
        }

        return fields.Count == 0
            ? $"'{name}' is not an input of this action, which has no inputs."
            : $"'{name}' is not an input of this action (known: {string.Join(", ", fields.Select(f => f.Name))}).";
    }
}
