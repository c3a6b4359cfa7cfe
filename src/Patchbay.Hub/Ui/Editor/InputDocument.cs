using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// The inputs of a test run as one JSON object that the generated form and the raw JSON text both edit, so
/// switching between them keeps every value, including fields the form has no control for.
/// </summary>
/// <remarks>A place in it is a path of steps: a property name (string) or a list index (int).</remarks>
public static class InputDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static string ToText(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.ToJsonString(Indented);
    }

    /// <summary>Reads JSON text typed by a person: the object, or what is wrong and where (line and position from 1).</summary>
    public static (JsonObject? Inputs, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], null);
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: Strict) is JsonObject inputs
                ? (inputs, null)
                : (null, "The inputs must be a JSON object: { \"field\": value, ... }.");
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            return (null, $"Not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {reason}");
        }
    }

    public static JsonNode? Get(JsonObject root, IReadOnlyList<object> path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node = root;
        foreach (var step in path)
        {
            node = (step, node) switch
            {
                (string name, JsonObject o) => o[name],
                (int index, JsonArray a) when index < a.Count => a[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>Sets a value, creating the objects on the way; null removes a property (a list item becomes null).</summary>
    public static void Set(JsonObject root, IReadOnlyList<object> path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parent = Container(root, path);
        switch (path[^1], parent)
        {
            case (string name, JsonObject o) when value is null:
                o.Remove(name);
                break;
            case (string name, JsonObject o):
                o[name] = value;
                break;
            case (int index, JsonArray a) when index < a.Count:
                a[index] = value;
                break;
        }
    }

    /// <summary>Adds an item at the end of the list at <paramref name="path"/> (made when missing): an empty object, or the type's empty value.</summary>
    public static void AddItem(JsonObject root, IReadOnlyList<object> path, DataNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (Get(root, path) is not JsonArray list)
        {
            list = [];
            Set(root, path, list);
        }

        list.Add(EmptyItem(node.Type));
    }

    public static void RemoveItem(JsonObject root, IReadOnlyList<object> path, int index)
    {
        if (Get(root, path) is JsonArray list && index < list.Count)
        {
            list.RemoveAt(index);
        }
    }

    /// <summary>How a path reads in labels: <c>order.lines[0].sku</c>.</summary>
    public static string Name(IReadOnlyList<object> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = new System.Text.StringBuilder();
        foreach (var step in path)
        {
            _ = step is int index
                ? text.Append(CultureInfo.InvariantCulture, $"[{index}]")
                : text.Append(text.Length == 0 ? "" : ".").Append(step);
        }

        return text.ToString();
    }

    /// <summary>A value as a text field shows it: a string as it is, anything else as its JSON.</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    public static decimal? Number(JsonNode? value) =>
        value is JsonValue v && decimal.TryParse(Text(v), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A Date's day for a date field (<c>yyyy-MM-dd</c>), also from a date-time.</summary>
    public static string? Day(JsonNode? value) =>
        Text(value) is { Length: >= 10 } text && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text[..10] : null;

    private static JsonNode? EmptyItem(DataType type) => type switch
    {
        DataType.Object => new JsonObject(),
        DataType.String => JsonValue.Create(""),
        DataType.Boolean => JsonValue.Create(false),
        _ => null,
    };

    private static JsonNode? Container(JsonObject root, IReadOnlyList<object> path)
    {
        JsonNode? node = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var next = Get(root, path.Take(i + 1).ToList());
            if (next is null && path[i] is string name && node is JsonObject parent)
            {
                next = path[i + 1] is int ? new JsonArray() : new JsonObject();
                parent[name] = next;
            }

            node = next;
        }

        return node;
    }
}
