using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>Infers and merges the shapes of sample JSON values (the rules are listed on <see cref="SchemaInference"/>).</summary>
internal sealed partial class SampleShapeReader(string file, DiagnosticList diagnostics)
{
    public InferredShape Read(JsonNode? node, string path) => node switch
    {
        null => InferredShape.Of(null),
        JsonObject json => ReadObject(json, path),
        JsonArray array => ReadArray(array, path),
        _ => InferredShape.Of(ReadPrimitive(node)),
    };

    /// <summary>The merged shape of an array's elements, marked as a list.</summary>
    public InferredShape ReadArray(JsonArray array, string path)
    {
        var elementPath = path + "[*]";
        InferredShape? merged = null;
        var nestedReported = false;
        foreach (var item in array)
        {
            if (item is null)
            {
                continue;
            }

            InferredShape shape;
            if (item is JsonArray inner)
            {
                if (!nestedReported)
                {
                    Warn(SchemaDiagnosticCodes.NestedList, path, "An array of arrays cannot be a field (trees have no nested lists); the inner element type is used.");
                    nestedReported = true;
                }

                shape = ReadArray(inner, elementPath);
                shape.IsList = false;
            }
            else
            {
                shape = Read(item, elementPath);
            }

            merged = merged is null ? shape : Merge(merged, shape, elementPath);
        }

        if (merged is null || merged.Type is null)
        {
            Warn(SchemaDiagnosticCodes.EmptyArray, path, "The array is empty or holds only nulls; it is read as a list of String.");
            merged = InferredShape.Of(DataType.String);
        }

        merged.IsList = true;
        return merged;
    }

    private InferredShape ReadObject(JsonObject json, string path)
    {
        var shape = InferredShape.Of(DataType.Object);
        foreach (var (name, value) in json)
        {
            var fieldPath = JsonPaths.Property(path, name);
            if (!IsXmlName(name))
            {
                Warn(SchemaDiagnosticCodes.InvalidFieldName, fieldPath, $"'{name}' is not a valid XML element name; Bizagi may reject it. It is kept as it is.");
            }

            shape.Fields.Add(new(name, Read(value, fieldPath)));
        }

        return shape;
    }

    private InferredShape Merge(InferredShape into, InferredShape other, string path)
    {
        if (other.Type is null)
        {
            return into;
        }

        if (into.Type is null)
        {
            return other;
        }

        if (into.IsList != other.IsList)
        {
            Warn(SchemaDiagnosticCodes.TypeConflict, path, "The value is a list in some samples and single in others; it is read as a list.");
            into.IsList = true;
        }

        if (into.Type == DataType.Object && other.Type == DataType.Object)
        {
            foreach (var (name, field) in other.Fields)
            {
                if (into.Field(name) is { } existing)
                {
                    var index = into.Fields.FindIndex(f => f.Key == name);
                    into.Fields[index] = new(name, Merge(existing, field, JsonPaths.Property(path, name)));
                }
                else
                {
                    into.Fields.Add(new(name, field));
                }
            }

            return into;
        }

        if (into.Type == DataType.Object || other.Type == DataType.Object)
        {
            Warn(SchemaDiagnosticCodes.TypeConflict, path, "The value is an object in some samples and a primitive in others; it is read as an object.");
            return into.Type == DataType.Object ? into : other;
        }

        into.Type = MergePrimitive(into.Type.Value, other.Type.Value, path);
        return into;
    }

    private DataType MergePrimitive(DataType a, DataType b, string path)
    {
        if (a == b)
        {
            return a;
        }

        return (a, b) switch
        {
            (DataType.Integer, DataType.Decimal) or (DataType.Decimal, DataType.Integer) => DataType.Decimal,
            (DataType.Integer or DataType.Decimal, DataType.Double) or (DataType.Double, DataType.Integer or DataType.Decimal) => DataType.Double,
            (DataType.Date, DataType.String) or (DataType.String, DataType.Date) => DataType.String,
            _ => Conflict(a, b, path),
        };
    }

    private DataType Conflict(DataType a, DataType b, string path)
    {
        Warn(SchemaDiagnosticCodes.TypeConflict, path, $"The samples hold both {a} and {b} values; the field is read as String.");
        return DataType.String;
    }

    private static DataType ReadPrimitive(JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                return DataType.Boolean;
            case JsonValueKind.Number:
                var text = node.ToJsonString();
                return text.AsSpan().IndexOfAny('e', 'E') >= 0 ? DataType.Double
                    : text.Contains('.', StringComparison.Ordinal) ? DataType.Decimal
                    : DataType.Integer;
            case JsonValueKind.String:
                return IsIsoDate(node.GetValue<string>()) ? DataType.Date : DataType.String;
            default:
                return DataType.String;
        }
    }

    private static bool IsIsoDate(string text) =>
        IsoDatePattern().IsMatch(text)
        && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static bool IsXmlName(string name) =>
        name.Length > 0 && XmlConvert.IsStartNCNameChar(name[0]) && name.All(XmlConvert.IsNCNameChar);

    private void Warn(string code, string path, string message) => diagnostics.Warning(code, new Location(file, path), message);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoDatePattern();
}
