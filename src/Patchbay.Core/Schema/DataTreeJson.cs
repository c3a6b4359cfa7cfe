using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>
/// The readable, diff-friendly form of a data tree in a connector source folder's <c>connector.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// A tree is a JSON object whose properties are its fields, in order. A leaf field is a string in a GraphQL-like
/// notation: <c>"String"</c>, <c>"Integer!"</c> (required), <c>"[Date]"</c> (list), <c>"[Decimal]!"</c> (required
/// list); type names are exactly the <see cref="DataType"/> names. An Object field is a nested object holding its
/// children, with an optional <c>"$type"</c> of <c>"Object"</c>, <c>"Object!"</c>, <c>"[Object]"</c> or
/// <c>"[Object]!"</c>, left out for a plain optional Object. Written indented, each leaf is one line, so changing one
/// field is a one- or two-line diff.
/// </para>
/// <example><code>
/// { "title": "String!", "tags": "[String]", "customer": { "$type": "[Object]", "id": "Integer" } }
/// </code></example>
/// </remarks>
public static class DataTreeJson
{
    /// <summary>The property of an Object field that carries its list and required flags.</summary>
    public const string TypeProperty = "$type";

    /// <summary>The JSON form of a tree.</summary>
    /// <exception cref="ArgumentException">Two fields of one object share a name, or a field is called <c>$type</c>.</exception>
    public static JsonObject Write(ValueList<DataNode> tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var json = new JsonObject();
        foreach (var field in tree)
        {
            if (field.Name == TypeProperty || json.ContainsKey(field.Name))
            {
                throw new ArgumentException($"The field name '{field.Name}' is reserved or used twice in one object.", nameof(tree));
            }

            json[field.Name] = field.Type == DataType.Object ? WriteObject(field) : JsonValue.Create(TypeNotation.Format(field.Type, field.IsList, field.IsRequired));
        }

        return json;
    }

    /// <summary>Reads a tree, reporting every problem.</summary>
    /// <param name="node">The JSON object of the tree; null is reported as a wrong kind.</param>
    /// <param name="file">The file named in diagnostics, such as <c>connector.json</c>.</param>
    /// <param name="jsonPath">The path of <paramref name="node"/> in that file, such as <c>actions[0].input</c>.</param>
    public static DataTreeReadResult Read(JsonNode? node, string file, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(jsonPath);
        var diagnostics = new DiagnosticList();
        var tree = ReadFields(node, file, jsonPath, isObjectField: false, diagnostics);
        return new DataTreeReadResult(tree, diagnostics);
    }

    private static JsonObject WriteObject(DataNode field)
    {
        var children = Write(field.Children);
        if (field.IsList || field.IsRequired)
        {
            children.Insert(0, TypeProperty, JsonValue.Create(TypeNotation.Format(DataType.Object, field.IsList, field.IsRequired)));
        }

        return children;
    }

    private static ValueList<DataNode> ReadFields(JsonNode? node, string file, string path, bool isObjectField, DiagnosticList diagnostics)
    {
        if (node is not JsonObject json)
        {
            diagnostics.Error(SchemaDiagnosticCodes.InvalidTree, new Location(file, path), $"Expected a JSON object whose properties are the fields, got {Kind(node)}.");
            return [];
        }

        var fields = new List<DataNode>();
        foreach (var (name, value) in json)
        {
            var fieldPath = JsonPaths.Property(path, name);
            if (name == TypeProperty)
            {
                if (!isObjectField)
                {
                    diagnostics.Error(SchemaDiagnosticCodes.InvalidTree, new Location(file, fieldPath), "'$type' is only allowed inside an Object field.");
                }

                continue;
            }

            if (ReadField(name, value, file, fieldPath, diagnostics) is { } field)
            {
                fields.Add(field);
            }
        }

        return fields.ToValueList();
    }

    private static DataNode? ReadField(string name, JsonNode? value, string file, string path, DiagnosticList diagnostics)
    {
        var location = new Location(file, path);
        if (value is JsonObject json)
        {
            var (isList, isRequired) = ReadObjectType(json, file, path, diagnostics);
            return DataNode.Object(name, ReadFields(json, file, path, isObjectField: true, diagnostics), isList, isRequired);
        }

        if (value is not JsonValue leaf || leaf.GetValueKind() != JsonValueKind.String)
        {
            diagnostics.Error(SchemaDiagnosticCodes.InvalidTree, location, $"Expected a type string such as \"String\" or \"[Integer]!\", or an object for an Object field; got {Kind(value)}.");
            return null;
        }

        var text = leaf.GetValue<string>();
        if (!TypeNotation.TryParse(text, out var type, out var list, out var required))
        {
            diagnostics.Error(SchemaDiagnosticCodes.UnknownType, location, $"'{text}' is not a type. Valid types: {TypeNotation.ValidTypes}; write [Type] for a list and add ! for required.");
            return null;
        }

        if (type == DataType.Object)
        {
            diagnostics.Error(SchemaDiagnosticCodes.InvalidTree, location, $"An Object field is a nested JSON object holding its fields (with \"$type\": \"{text}\"), not a string.");
            return null;
        }

        return DataNode.Leaf(name, type, list, required);
    }

    private static (bool IsList, bool IsRequired) ReadObjectType(JsonObject json, string file, string path, DiagnosticList diagnostics)
    {
        if (!json.TryGetPropertyValue(TypeProperty, out var typeNode))
        {
            return (false, false);
        }

        if (typeNode is JsonValue value
            && value.GetValueKind() == JsonValueKind.String
            && TypeNotation.TryParse(value.GetValue<string>(), out var type, out var isList, out var isRequired)
            && type == DataType.Object)
        {
            return (isList, isRequired);
        }

        diagnostics.Error(
            SchemaDiagnosticCodes.InvalidTree,
            new Location(file, JsonPaths.Property(path, TypeProperty)),
            $"'$type' must be \"Object\", \"Object!\", \"[Object]\" or \"[Object]!\"; got {typeNode?.ToJsonString() ?? "null"}.");
        return (false, false);
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind().ToString() ?? "null";
}
