using System.Text.Encodings.Web;
using System.Text.Json;
using Acornima;
using Acornima.Ast;

namespace Patchbay.Core.Packaging;

/// <summary>
/// Reads and writes the generated CommonJS files whose whole content is one object literal of
/// strings (<c>actions.js</c>, <c>etc/errors.js</c>), without running them.
/// </summary>
internal static class JsLiterals
{
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The string pairs of <c>module.exports = { "k": "v", ... }</c>, or an error message.</summary>
    public static (List<KeyValuePair<string, string>>? Pairs, string? Error) ReadExportedStrings(string code)
    {
        Script script;
        try
        {
            script = new Parser().ParseScript(code);
        }
        catch (ParseErrorException e)
        {
            return (null, $"syntax error at {e.LineNumber}:{e.Column + 1}: {e.Description}");
        }

        var assignment = script.Body.OfType<ExpressionStatement>()
            .Select(s => s.Expression)
            .OfType<AssignmentExpression>()
            .LastOrDefault(a => a.Left is MemberExpression { Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } });
        if (assignment?.Right is not ObjectExpression literal)
        {
            return (null, "expected 'module.exports = { ... }' with an object literal");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var node in literal.Properties)
        {
            if (node is not Property { Computed: false } property || property.Value is not StringLiteral value)
            {
                return (null, "every property must be a string, written as \"KEY\": \"text\"");
            }

            var key = property.Key switch
            {
                StringLiteral s => s.Value,
                Identifier i => i.Name,
                _ => null,
            };
            if (key is null)
            {
                return (null, "every key must be a name or a string");
            }

            pairs.Add(KeyValuePair.Create(key, value.Value));
        }

        return (pairs, null);
    }

    public static string WriteExportedStrings(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var lines = pairs.Select(p => $"  {Quote(p.Key)}: {Quote(p.Value)}").ToList();
        return lines.Count == 0
            ? "module.exports = {};\n"
            : $"module.exports = {{\n{string.Join(",\n", lines)}\n}};\n";
    }

    public static string Quote(string value) => JsonSerializer.Serialize(value, StringOptions);
}
