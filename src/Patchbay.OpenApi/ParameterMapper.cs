using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Patchbay.Core.Model;

namespace Patchbay.OpenApi;

/// <summary>
/// Path, query and header parameters as inputs: the URL template, and the query and header templates that send
/// them under their own names. Cookie parameters, headers the engine sets and the API key are left out (reported).
/// </summary>
internal sealed partial class ParameterMapper(SchemaMapper schemas, AuthenticationSettings authentication, ImportReport report)
{
    /// <summary>Headers the engine or the authentication sets; a parameter for them would send them twice.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Content-Type", "Accept" };

    public sealed record Plan(string Url, ValueList<DataNode> Inputs, ValueList<RestParameter> Headers, ValueList<RestParameter> Query);

    /// <summary>Maps the parameters of an operation whose body fields are <paramref name="bodyFields"/> (their names win a clash).</summary>
    public Plan Map(string path, IOpenApiPathItem item, string verb, OpenApiOperation operation, string at, IEnumerable<string> bodyFields)
    {
        var taken = new HashSet<string>(bodyFields, StringComparer.Ordinal);
        var hasBodyFields = taken.Count > 0;
        var inputs = new List<DataNode>();
        var headers = new List<RestParameter>();
        var query = new List<RestParameter>();
        var pathInputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (parameter, pointer) in Parameters(path, item, operation, at))
        {
            var location = parameter.In!.Value;
            if (Skipped(parameter, location, pointer))
            {
                continue;
            }

            var input = InputName(parameter.Name!, location, pointer, taken, hasBodyFields);
            inputs.Add(DataNode.Leaf(input, ParameterType(parameter, pointer), isRequired: parameter.Required || location == ParameterLocation.Path));
            switch (location)
            {
                case ParameterLocation.Path:
                    pathInputs[parameter.Name!] = input;
                    break;
                case ParameterLocation.Query:
                    query.Add(new RestParameter(parameter.Name!, $"{{{{{input}}}}}"));
                    break;
                default:
                    headers.Add(new RestParameter(parameter.Name!, $"{{{{{input}}}}}"));
                    break;
            }
        }

        var url = PathVariable().Replace(path, match =>
        {
            var variable = match.Groups[1].Value;
            if (!pathInputs.TryGetValue(variable, out var input))
            {
                input = InputName(variable, ParameterLocation.Path, at, taken, false);
                inputs.Add(DataNode.Leaf(input, DataType.String, isRequired: true));
                pathInputs[variable] = input;
                report.Approximate(JsonPointer.Append(DocumentPointers.PathItem(path), verb.ToLowerInvariant()), $"The path variable '{{{variable}}}' is not declared as a parameter; it becomes a required String input '{input}'.");
            }

            return $"{{{{{input}}}}}";
        });

        return new Plan(url, inputs.ToValueList(), headers.ToValueList(), query.ToValueList());
    }

    /// <summary>The path item's parameters, overridden by the operation's of the same name and place, each with its pointer.</summary>
    private static List<(IOpenApiParameter Parameter, string Pointer)> Parameters(string path, IOpenApiPathItem item, OpenApiOperation operation, string at)
    {
        var merged = new List<(IOpenApiParameter, string)>();
        var own = operation.Parameters ?? [];
        var shared = item.Parameters ?? [];
        for (var i = 0; i < shared.Count; i++)
        {
            if (!own.Any(p => p.Name == shared[i].Name && p.In == shared[i].In))
            {
                merged.Add((shared[i], DocumentPointers.Parameter(DocumentPointers.PathItem(path), i)));
            }
        }

        for (var i = 0; i < own.Count; i++)
        {
            merged.Add((own[i], DocumentPointers.Parameter(at, i)));
        }

        return [.. merged.Where(p => p.Item1.Name is { Length: > 0 } && p.Item1.In is not null)];
    }

    private bool Skipped(IOpenApiParameter parameter, ParameterLocation location, string pointer)
    {
        if (location == ParameterLocation.Cookie)
        {
            report.Unmapped(pointer, $"The cookie parameter '{parameter.Name}' cannot be sent by Easy REST; left out.");
            return true;
        }

        if (location == ParameterLocation.Header && ReservedHeaders.Contains(parameter.Name!))
        {
            report.Unmapped(pointer, $"The {parameter.Name} header is set by the REST engine or the authentication; the parameter is left out.");
            return true;
        }

        var apiKey = authentication.Method == AuthenticationMethod.ApiKey ? authentication.Parameters.First(p => p.Name == "api_key_name").DefaultValue : null;
        var apiKeyIn = authentication.Parameters.FirstOrDefault(p => p.Name == "api_key_in")?.DefaultValue;
        var sameAsKey = apiKey is not null && location is ParameterLocation.Header or ParameterLocation.Query
            && string.Equals(apiKeyIn, location == ParameterLocation.Header ? "header" : "query", StringComparison.Ordinal)
            && parameter.Name!.Equals(apiKey, location == ParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        if (sameAsKey)
        {
            report.Approximate(pointer, $"'{parameter.Name}' is the API key, which the authentication sends; it is not an input.");
            return true;
        }

        return false;
    }

    private string InputName(string original, ParameterLocation location, string pointer, HashSet<string> taken, bool hasBodyFields)
    {
        var name = FieldNames.Sanitize(original);
        if (name != original)
        {
            report.Approximate(pointer, $"'{original}' is not a valid input name; the input is named '{name}' (the request still uses '{original}').");
        }

        if (taken.Contains(name))
        {
            var prefixed = FieldNames.Sanitize($"{location.ToString().ToLowerInvariant()}_{name}");
            var unique = prefixed;
            for (var n = 2; taken.Contains(unique); n++)
            {
                unique = $"{prefixed}_{n}";
            }

            report.Approximate(pointer, $"The input name '{name}' is already used{(hasBodyFields ? " (by a body field or another parameter)" : " by another parameter")}; this {location.ToString().ToLowerInvariant()} parameter's input is named '{unique}'.");
            name = unique;
        }

        taken.Add(name);
        return name;
    }

    private DataType ParameterType(IOpenApiParameter parameter, string pointer)
    {
        if (parameter.Schema is null)
        {
            report.Approximate(pointer, $"'{parameter.Name}' is described by 'content', not 'schema'; it becomes a String input holding the serialized value.");
            return DataType.String;
        }

        var shape = schemas.Map(parameter.Schema, JsonPointer.Append(pointer, "schema"), markRequired: false);
        if (shape is null)
        {
            return DataType.String;
        }

        if (shape.IsList || shape.Type == DataType.Object)
        {
            report.Approximate(JsonPointer.Append(pointer, "schema"), $"'{parameter.Name}' holds {(shape.IsList ? "a list" : "an object")}; it becomes a String input to give already serialized as the API expects (e.g. a,b,c).");
            return DataType.String;
        }

        return shape.Type;
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PathVariable();
}
