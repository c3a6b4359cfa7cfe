using Microsoft.OpenApi;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.OpenApi;

/// <summary>
/// Turns JSON schemas into data-tree nodes: <c>$ref</c> followed, <c>allOf</c> merged, <c>oneOf</c>/<c>anyOf</c> as
/// the union of their objects' fields (or the first alternative when they are not all objects), nullable ignored,
/// maps and binary strings left out, recursion cut at the first repeated reference. Every approximation is reported
/// at the place in the document where it happens (the component, once a reference was followed).
/// </summary>
internal sealed class SchemaMapper(DocumentPointers pointers, ImportReport report)
{
    /// <summary>Deep enough for real APIs' nesting; a deeper tree is cut there and reported.</summary>
    public const int MaxDepth = 8;

    /// <summary>A schema reduced to what a data-tree node needs.</summary>
    public sealed record Shape(DataType Type, bool IsList, ValueList<DataNode> Children)
    {
        public DataNode ToNode(string name, bool isRequired) =>
            new() { Name = name, Type = Type, IsList = IsList, IsRequired = isRequired, Children = Children };
    }

    /// <summary>The schema's shape, or null when it cannot be mapped (reported).</summary>
    public Shape? Map(IOpenApiSchema schema, string pointer, bool markRequired) =>
        Map(schema, pointer, markRequired, [], 0);

    /// <summary>The fields of an object schema (after following references and merging <c>allOf</c>); null when it is not an object.</summary>
    public ValueList<DataNode>? Fields(IOpenApiSchema schema, string pointer, bool markRequired)
    {
        var (resolved, at, chain) = Resolve(schema, pointer, []);
        if (resolved is null)
        {
            return null;
        }

        var composed = Compose(resolved, at, chain, 0, markRequired);
        return composed?.Type == DataType.Object && !composed.IsList ? composed.Children : null;
    }

    /// <summary>The schema after references, with the pointer of where its content is written.</summary>
    public (IOpenApiSchema? Schema, string Pointer) Follow(IOpenApiSchema schema, string pointer)
    {
        var (resolved, at, _) = Resolve(schema, pointer, []);
        return (resolved, at);
    }

    private Shape? Map(IOpenApiSchema schema, string pointer, bool markRequired, HashSet<string> chain, int depth)
    {
        if (depth > MaxDepth)
        {
            report.Approximate(pointer, $"Nested deeper than {MaxDepth} levels; the tree is cut here.");
            return null;
        }

        var (resolved, at, refs) = Resolve(schema, pointer, chain);
        return resolved is null ? null : Compose(resolved, at, refs, depth, markRequired);
    }

    private (IOpenApiSchema? Schema, string Pointer, HashSet<string> Chain) Resolve(IOpenApiSchema schema, string pointer, HashSet<string> chain)
    {
        if (schema is not OpenApiSchemaReference reference)
        {
            return (schema, pointer, chain);
        }

        var id = reference.Reference.Id ?? "";
        if (reference.Target is null)
        {
            report.Unmapped(pointer, $"The reference '{reference.Reference.ReferenceV3 ?? id}' cannot be resolved; the field is left out.");
            return (null, pointer, chain);
        }

        if (chain.Contains(id))
        {
            report.Approximate(pointer, $"'{id}' refers to itself (recursion); the tree is cut at this field.");
            return (null, pointer, chain);
        }

        return (reference.Target, pointers.SchemaComponent(id), [.. chain, id]);
    }

    private Shape? Compose(IOpenApiSchema schema, string pointer, HashSet<string> chain, int depth, bool markRequired)
    {
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return MergeAllOf(schema, allOf, pointer, chain, depth, markRequired);
        }

        var alternatives = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)?.Where(a => !IsNullOnly(a)).ToList();
        if (alternatives is { Count: > 0 })
        {
            var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            return alternatives.Count == 1
                ? Map(alternatives[0], JsonPointer.Append(JsonPointer.Append(pointer, keyword), 0), markRequired, chain, depth)
                : Alternatives(alternatives, keyword, pointer, chain, depth);
        }

        return Typed(schema, pointer, chain, depth, markRequired);
    }

    private Shape? Typed(IOpenApiSchema schema, string pointer, HashSet<string> chain, int depth, bool markRequired)
    {
        var types = (schema.Type ?? Implied(schema)) & ~JsonSchemaType.Null;
        var single = SingleType(types);
        if (single is null)
        {
            report.Approximate(pointer, $"The value may be any of {Describe(types)}; it becomes a String.");
            return new Shape(DataType.String, false, []);
        }

        switch (single.Value)
        {
            case JsonSchemaType.Object:
                return Object(schema, pointer, chain, depth, markRequired);
            case JsonSchemaType.Array:
                return Array(schema, pointer, chain, depth, markRequired);
            case JsonSchemaType.String when schema.Format == "binary":
                report.Unmapped(pointer, "Binary content (format: binary) has no data-tree type; the field is left out.");
                return null;
            default:
                return new Shape(Leaf(single.Value, schema.Format), false, []);
        }
    }

    private Shape? Object(IOpenApiSchema schema, string pointer, HashSet<string> chain, int depth, bool markRequired)
    {
        var fields = ObjectFields(schema, pointer, chain, depth, markRequired);
        if (fields.Count == 0)
        {
            report.Unmapped(pointer, schema.AdditionalProperties is not null
                ? "A map (free-form keys, additionalProperties) has no fixed fields for a data tree; it is left out."
                : "An object without properties that can be mapped; it is left out.");
            return null;
        }

        if (schema.AdditionalProperties is not null)
        {
            report.Unmapped(JsonPointer.Append(pointer, "additionalProperties"), "Further free-form keys cannot be described by a data tree; only the named properties are mapped.");
        }

        return new Shape(DataType.Object, false, fields);
    }

    private ValueList<DataNode> ObjectFields(IOpenApiSchema schema, string pointer, HashSet<string> chain, int depth, bool markRequired)
    {
        var nodes = new List<DataNode>();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var at = JsonPointer.Append(pointer, "properties", name);
            var shape = Map(property, at, markRequired, chain, depth + 1);
            if (shape is null)
            {
                continue;
            }

            var fieldName = FieldNames.Sanitize(name);
            var candidate = fieldName;
            for (var n = 2; candidate != name && (nodes.Any(f => f.Name == candidate) || schema.Properties!.ContainsKey(candidate)); n++)
            {
                candidate = $"{fieldName}_{n}";
            }

            fieldName = candidate;
            if (fieldName != name)
            {
                report.Approximate(at, $"'{name}' is not a valid field name; the field is named '{fieldName}' and its value is not mapped under the original name.");
            }

            nodes.Add(shape.ToNode(fieldName, markRequired && (schema.Required?.Contains(name) ?? false)));
        }

        return nodes.ToValueList();
    }

    private Shape? Array(IOpenApiSchema schema, string pointer, HashSet<string> chain, int depth, bool markRequired)
    {
        if (schema.Items is null)
        {
            report.Approximate(pointer, "The array does not say what its items are; it becomes a list of String.");
            return new Shape(DataType.String, true, []);
        }

        var item = Map(schema.Items, JsonPointer.Append(pointer, "items"), markRequired, chain, depth + 1);
        if (item is null)
        {
            return null;
        }

        if (item.IsList)
        {
            report.Approximate(pointer, "An array of arrays: data trees have no nested lists, so it becomes one list of the inner items.");
        }

        return item with { IsList = true };
    }

    private Shape? MergeAllOf(IOpenApiSchema schema, IList<IOpenApiSchema> parts, string pointer, HashSet<string> chain, int depth, bool markRequired)
    {
        var fields = new List<DataNode>();
        Shape? nonObject = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var shape = Map(parts[i], JsonPointer.Append(JsonPointer.Append(pointer, "allOf"), i), markRequired, chain, depth);
            if (shape is { Type: DataType.Object, IsList: false })
            {
                fields.AddRange(shape.Children.Where(c => fields.All(f => f.Name != c.Name)));
            }
            else if (shape is not null)
            {
                nonObject ??= shape;
            }
        }

        // Properties written beside allOf belong to the same object.
        if (schema.Properties is { Count: > 0 })
        {
            fields.AddRange(ObjectFields(schema, pointer, chain, depth, markRequired).Where(c => fields.All(f => f.Name != c.Name)));
        }

        if (markRequired && schema.Required is { Count: > 0 } required)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                fields[i] = fields[i] with { IsRequired = fields[i].IsRequired || required.Contains(fields[i].Name) };
            }
        }

        if (fields.Count > 0)
        {
            return new Shape(DataType.Object, false, fields.ToValueList());
        }

        return nonObject;
    }

    private Shape? Alternatives(List<IOpenApiSchema> alternatives, string keyword, string pointer, HashSet<string> chain, int depth)
    {
        var shapes = alternatives.Select((a, i) => Map(a, JsonPointer.Append(JsonPointer.Append(pointer, keyword), i), markRequired: false, chain, depth)).ToList();
        var at = JsonPointer.Append(pointer, keyword);
        if (shapes.All(s => s is { Type: DataType.Object }))
        {
            var union = new List<DataNode>();
            foreach (var shape in shapes)
            {
                union.AddRange(shape!.Children.Where(c => union.All(u => u.Name != c.Name)));
            }

            report.Approximate(at, $"{alternatives.Count} alternative objects: the tree has the union of their fields, none of them required.");
            return new Shape(DataType.Object, shapes[0]!.IsList, union.ToValueList());
        }

        var first = shapes.FirstOrDefault(s => s is not null);
        report.Approximate(at, $"{alternatives.Count} alternatives of different kinds: the first one that can be mapped is used ({(first is null ? "none" : Describe(first))}).");
        return first;
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => schema.Type == JsonSchemaType.Null;

    /// <summary>A schema without <c>type</c> that has properties is an object; with items, an array.</summary>
    private static JsonSchemaType Implied(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null ? JsonSchemaType.Object
        : schema.Items is not null ? JsonSchemaType.Array
        : schema.Enum is { Count: > 0 } ? JsonSchemaType.String
        : 0;

    private static JsonSchemaType? SingleType(JsonSchemaType types) =>
        types != 0 && (types & (types - 1)) == 0 ? types : null;

    private static DataType Leaf(JsonSchemaType type, string? format) => type switch
    {
        JsonSchemaType.Integer => DataType.Integer,
        JsonSchemaType.Number => format is "double" or "float" ? DataType.Double : DataType.Decimal,
        JsonSchemaType.Boolean => DataType.Boolean,
        JsonSchemaType.String when format is "date" or "date-time" => DataType.Date,
        _ => DataType.String,
    };

    private static string Describe(JsonSchemaType types) =>
        types == 0 ? "any type (no type given)" : string.Join(", ", Enum.GetValues<JsonSchemaType>().Where(t => t != 0 && types.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()));

    private static string Describe(Shape shape) =>
        shape.IsList ? $"a list of {shape.Type}" : shape.Type.ToString();

    /// <summary>The single list field a response that is an array of primitives becomes (as <c>schema infer</c> does).</summary>
    public static string ItemsField => SchemaInference.ItemsField;
}
