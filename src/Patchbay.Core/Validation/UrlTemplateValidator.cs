using System.Text.RegularExpressions;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Validation;

/// <summary>
/// Checks the templates of an Easy REST request: the URL and the values of headers and query parameters.
/// Every <c>{{name}}</c> must be an input of the action (a dotted path such as <c>{{user.id}}</c> reaches
/// into object inputs) holding a single value, or a Connector parameter, as the runtime fills them. The
/// URL must also be absolute or have a base URI to resolve against.
/// </summary>
internal static partial class UrlTemplateValidator
{
    private static readonly TemplateCodes UrlCodes = new("unknown-url-variable", "invalid-url-variable", "malformed-url-template");
    private static readonly TemplateCodes ValueCodes = new("unknown-template-variable", "invalid-template-variable", "malformed-template");

    public static void Validate(ConnectorDefinition definition, ActionDefinition action, Location location, DiagnosticList diagnostics)
    {
        var url = action.Rest!.Url;
        CheckPlaceholders(definition, action, url, "the URL", UrlCodes, location, diagnostics);

        var withoutPlaceholders = PlaceholderPattern().Replace(url, "x");
        var startsWithPlaceholder = url.TrimStart().StartsWith("{{", StringComparison.Ordinal);
        if (!startsWithPlaceholder && !ConnectorValidator.IsHttpUrl(withoutPlaceholders) && definition.BaseUri.Length == 0)
        {
            diagnostics.Error("relative-url-without-base-uri", location, $"'{url}' is not an absolute http(s) URL and the connector has no base URI.");
        }
    }

    /// <summary>Checks the template of a header or query parameter value; <paramref name="what"/> names it in messages.</summary>
    public static void ValidateValue(ConnectorDefinition definition, ActionDefinition action, string template, string what, Location location, DiagnosticList diagnostics) =>
        CheckPlaceholders(definition, action, template, what, ValueCodes, location, diagnostics);

    private static void CheckPlaceholders(
        ConnectorDefinition definition, ActionDefinition action, string template, string what, TemplateCodes codes, Location location, DiagnosticList diagnostics)
    {
        var parameters = definition.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in PlaceholderPattern().Matches(template))
        {
            var name = match.Groups[1].Value.Trim();
            var (input, problem) = Resolve(action.Inputs, name);
            if (input is not null)
            {
                if (input.Type == DataType.Object || input.IsList)
                {
                    diagnostics.Error(codes.Invalid, location, $"{{{{{name}}}}} in {what} refers to the input '{name}', which is {(input.IsList ? "a list" : "an object")}; a placeholder must be a single value.");
                }
            }
            else if (parameters.Contains(name))
            {
                continue;
            }
            else if (problem is { Unknown: false })
            {
                diagnostics.Error(codes.Invalid, location, $"{{{{{name}}}}} in {what}: {problem.Reason}.");
            }
            else
            {
                var known = string.Join(", ", action.Inputs.Select(i => i.Name).Concat(parameters));
                var reason = problem is null ? "" : $" ({problem.Reason})";
                diagnostics.Error(codes.Unknown, location, $"{{{{{name}}}}} in {what} is neither an input of '{action.Name}'{reason} nor a Connector parameter (known: {(known.Length == 0 ? "none" : known)}).");
            }
        }

        var withoutPlaceholders = PlaceholderPattern().Replace(template, "x");
        if (withoutPlaceholders.Contains("{{", StringComparison.Ordinal) || withoutPlaceholders.Contains("}}", StringComparison.Ordinal))
        {
            diagnostics.Error(codes.Malformed, location, $"Unbalanced '{{{{' or '}}}}' in {what}; placeholders are written {{{{name}}}}.");
        }
    }

    /// <summary>
    /// Follows a dotted path through the input tree as the runtime does. Gives the node it names, or a
    /// problem: a name that does not exist (unknown), or a path through a list or past a single value.
    /// </summary>
    private static (DataNode? Node, PathProblem? Problem) Resolve(ValueList<DataNode> inputs, string path)
    {
        DataNode? node = null;
        foreach (var part in path.Split('.'))
        {
            if (node is { IsList: true })
            {
                return (null, new PathProblem($"'{node.Name}' is a list; a placeholder cannot reach into a list", Unknown: false));
            }

            if (node is not null && node.Type != DataType.Object)
            {
                return (null, new PathProblem($"'{node.Name}' is a single value and has no field '{part}'", Unknown: false));
            }

            var parent = node;
            node = (parent?.Children ?? inputs).FirstOrDefault(n => string.Equals(n.Name, part, StringComparison.Ordinal));
            if (node is null)
            {
                return (null, parent is null ? null : new PathProblem($"the input object '{parent.Name}' has no field '{part}'", Unknown: true));
            }
        }

        return (node, null);
    }

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex PlaceholderPattern();

    private sealed record TemplateCodes(string Unknown, string Invalid, string Malformed);

    private sealed record PathProblem(string Reason, bool Unknown);
}
