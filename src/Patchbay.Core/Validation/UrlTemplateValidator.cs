using System.Text.RegularExpressions;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Validation;

/// <summary>
/// Checks an Easy REST URL template: every <c>{{name}}</c> must be a top-level input of the action
/// (a single value, not an object or a list) or a Connector parameter, and the URL must be absolute
/// or have a base URI to resolve against.
/// </summary>
internal static partial class UrlTemplateValidator
{
    public static void Validate(ConnectorDefinition definition, ActionDefinition action, Location location, DiagnosticList diagnostics)
    {
        var url = action.Rest!.Url;
        var inputs = action.Inputs.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var parameters = definition.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        foreach (Match match in PlaceholderPattern().Matches(url))
        {
            var name = match.Groups[1].Value.Trim();
            if (inputs.TryGetValue(name, out var input))
            {
                if (input.Type == DataType.Object || input.IsList)
                {
                    diagnostics.Error("invalid-url-variable", location, $"{{{{{name}}}}} refers to the input '{name}', which is {(input.IsList ? "a list" : "an object")}; a URL variable must be a single value.");
                }
            }
            else if (!parameters.Contains(name))
            {
                var known = string.Join(", ", inputs.Keys.Concat(parameters));
                diagnostics.Error("unknown-url-variable", location, $"{{{{{name}}}}} is neither an input of '{action.Name}' nor a Connector parameter (known: {(known.Length == 0 ? "none" : known)}).");
            }
        }

        var withoutPlaceholders = PlaceholderPattern().Replace(url, "x");
        if (withoutPlaceholders.Contains("{{", StringComparison.Ordinal) || withoutPlaceholders.Contains("}}", StringComparison.Ordinal))
        {
            diagnostics.Error("malformed-url-template", location, "Unbalanced '{{' or '}}' in the URL; placeholders are written {{name}}.");
        }

        var startsWithPlaceholder = url.TrimStart().StartsWith("{{", StringComparison.Ordinal);
        if (!startsWithPlaceholder && !ConnectorValidator.IsHttpUrl(withoutPlaceholders) && definition.BaseUri.Length == 0)
        {
            diagnostics.Error("relative-url-without-base-uri", location, $"'{url}' is not an absolute http(s) URL and the connector has no base URI.");
        }
    }

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex PlaceholderPattern();
}
