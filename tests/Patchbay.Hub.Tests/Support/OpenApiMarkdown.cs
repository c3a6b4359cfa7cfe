using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Patchbay.Hub.Tests.Support;

/// <summary>
/// Writes docs/http-api.md from the hub's own OpenAPI document: every operation grouped by resource, with who may
/// call it, its parameters, body and answers, then every schema. Generated so that it cannot drift from the API.
/// </summary>
internal static class OpenApiMarkdown
{
    private static readonly string[] MethodOrder = ["get", "post", "put", "patch", "delete"];

    /// <param name="document">The OpenAPI 3.0 document as the hub serves it.</param>
    /// <param name="who">Who may call an operation (method in upper case, path), in words.</param>
    public static string Render(JsonObject document, Func<string, string, string> who)
    {
        var text = new StringBuilder();
        WriteIntroduction(text, document);
        var operations = Operations(document).ToList();
        foreach (var group in operations.GroupBy(o => Resource(o.Path)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"## {group.Key}\n\n");
            foreach (var operation in group)
            {
                WriteOperation(text, operation, who(operation.Method.ToUpperInvariant(), operation.Path));
            }
        }

        WriteSchemas(text, document["components"]?["schemas"]?.AsObject());
        return text.ToString().TrimEnd() + "\n";
    }

    private sealed record Operation(string Path, string Method, JsonObject Body);

    private static IEnumerable<Operation> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value!.AsObject()
                .Where(m => MethodOrder.Contains(m.Key))
                .OrderBy(m => Array.IndexOf(MethodOrder, m.Key))
                .Select(m => new Operation(p.Key, m.Key, m.Value!.AsObject())));

    /// <summary>The section an operation belongs to: the first path segment after /api/v1 ("connectors", "keys"), or the path's first segment outside it.</summary>
    private static string Resource(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments is ["api", "v1", var first, ..] ? first : segments[0];
        return char.ToUpperInvariant(resource[0]) + resource[1..];
    }

    private static void WriteIntroduction(StringBuilder text, JsonObject document)
    {
        text.Append("# The HTTP API\n\n");
        text.Append("<!-- Generated from the hub's OpenAPI document by tests/Patchbay.Hub.Tests/Operations/HttpApiDocumentTests.cs: do not edit.\n");
        text.Append("     Regenerate with: PATCHBAY_WRITE_DOCS=1 dotnet test tests/Patchbay.Hub.Tests --filter HttpApiDocument -->\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{document["info"]?["description"]} Version `{document["info"]?["version"]}`.\n\n");
        text.Append("""
            Every call needs an API key (`Authorization: Bearer pb_…` or `X-Api-Key: pb_…`; a UI session's cookie is never
            accepted here), except where **Who** says *anyone*. **Who** lists the roles that may call, with the policy checked
            (roles and keys: [hub.md](hub.md#api-keys-and-roles)).
            Bodies are JSON (camelCase, enums as strings). Every error is an RFC 9457 problem document
            (`application/problem+json`), with an `errors` array naming each field or file at fault.
            The running hub serves this document at `GET /openapi/v1.json` (any valid key), for client generators.


            """.Replace("\r", "", StringComparison.Ordinal));
    }

    private static void WriteOperation(StringBuilder text, Operation operation, string who)
    {
        var body = operation.Body;
        text.Append(CultureInfo.InvariantCulture, $"### `{operation.Method.ToUpperInvariant()} {operation.Path}`\n\n");
        if (body["summary"] is { } summary)
        {
            text.Append(CultureInfo.InvariantCulture, $"{summary}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"**Who:** {who}.\n\n");

        if (body["parameters"] is JsonArray { Count: > 0 } parameters)
        {
            text.Append("| parameter | in | type | required | description |\n|---|---|---|---|---|\n");
            foreach (var parameter in parameters.Select(p => p!.AsObject()))
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{parameter["name"]}` | {parameter["in"]} | {TypeOf(parameter["schema"])} | {(parameter["required"]?.GetValue<bool>() == true ? "yes" : "no")} | {Cell(parameter["description"])} |\n");
            }

            text.Append('\n');
        }

        if (body["requestBody"]?["content"] is JsonObject content)
        {
            var kinds = content.Select(c => $"`{c.Key}`" + (c.Value?["schema"] is { } schema ? " " + TypeOf(schema) : ""));
            text.Append(CultureInfo.InvariantCulture, $"**Body:** {string.Join("; ", kinds)}.\n\n");
        }

        text.Append("| answer | meaning | body |\n|---|---|---|\n");
        foreach (var (status, answer) in body["responses"]!.AsObject().OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var answerContent = answer?["content"]?.AsObject();
            var answerBody = answerContent is null ? "" : string.Join("; ", answerContent.Select(c => c.Value?["schema"] is { } schema ? TypeOf(schema) : $"`{c.Key}`"));
            text.Append(CultureInfo.InvariantCulture, $"| {status} | {Cell(answer?["description"])} | {answerBody} |\n");
        }

        text.Append('\n');
    }

    private static void WriteSchemas(StringBuilder text, JsonObject? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        text.Append("## Schemas\n\n");
        foreach (var (name, schema) in schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"### {name}\n\n");
            if (schema?["description"] is { } description)
            {
                text.Append(CultureInfo.InvariantCulture, $"{description}\n\n");
            }

            if (schema?["enum"] is JsonArray values)
            {
                text.Append(CultureInfo.InvariantCulture, $"One of: {string.Join(", ", values.Select(v => $"`{v}`"))}.\n\n");
                continue;
            }

            if (schema?["properties"] is not JsonObject properties)
            {
                text.Append(CultureInfo.InvariantCulture, $"{TypeOf(schema)}.\n\n");
                continue;
            }

            var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            text.Append("| field | type | required | description |\n|---|---|---|---|\n");
            foreach (var (field, property) in properties)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{field}` | {TypeOf(property)} | {(required.Contains(field) ? "yes" : "no")} | {Cell(property?["description"])} |\n");
            }

            text.Append('\n');
        }
    }

    /// <summary>A schema in a few words: a link to a named schema, "list of …", or the type with its format.</summary>
    private static string TypeOf(JsonNode? schema)
    {
        if (schema is null)
        {
            return "any";
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return $"[{name}](#{Anchor(name)})";
        }

        var type = schema["type"]?.GetValue<string>();
        var described = type switch
        {
            "array" => "list of " + TypeOf(schema["items"]),
            "object" when schema["additionalProperties"] is JsonObject values => "map of " + TypeOf(values),
            null when (schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices => string.Join(" or ", choices.Select(TypeOf)),
            null => "any",
            _ => schema["format"] is { } format ? $"{type} ({format})" : type,
        };
        return schema["nullable"]?.GetValue<bool>() == true ? described + ", nullable" : described;
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation but '-' and '_' dropped.</summary>
    private static string Anchor(string heading) =>
        new([.. heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);

    private static string Cell(JsonNode? value) =>
        value?.GetValue<string>().Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) ?? "";
}
