using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Patchbay.Core.Authoring;
using Patchbay.Core.Model;

namespace Patchbay.OpenApi;

/// <summary>One Easy REST action per operation: name, URL template, inputs from parameters and body, outputs, authentication.</summary>
internal sealed partial class OperationMapper(
    OpenApiDocument document, DocumentPointers pointers, SchemaMapper schemas, SecurityMapper security,
    AuthenticationSettings authentication, string? schemeId, ImportReport report, Func<Guid> newGuid)
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>Headers the engine or the authentication sets; a parameter for them would send them twice.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Content-Type", "Accept" };

    private readonly HashSet<string> _actionNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly RequestBodyMapper _bodies = new(pointers, schemas, report);
    private readonly ResponseMapper _responses = new(pointers, schemas, report);

    public List<ActionDefinition> MapAll()
    {
        var actions = new List<ActionDefinition>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var verb = method.Method.ToUpperInvariant();
                var at = DocumentPointers.Operation(path, verb.ToLowerInvariant());
                if (!Methods.Contains(verb))
                {
                    report.Unmapped(at, $"{verb} is not an Easy REST method (GET, POST, PUT, PATCH, DELETE); the operation is left out.");
                    continue;
                }

                if (Map(path, item, verb, operation, at) is { } action)
                {
                    actions.Add(action);
                }
            }
        }

        foreach (var name in document.Webhooks?.Keys ?? [])
        {
            report.Unmapped(JsonPointer.Append("#/webhooks", name), "Webhooks are calls the API makes, not actions; left out.");
        }

        return actions;
    }

    private ActionDefinition? Map(string path, IOpenApiPathItem item, string verb, OpenApiOperation operation, string at)
    {
        var body = _bodies.Map(operation, verb, at);
        if (body.Skip)
        {
            return null;
        }

        foreach (var callback in operation.Callbacks?.Keys ?? [])
        {
            report.Unmapped(JsonPointer.Append(at, "callbacks", callback), "Callbacks are calls the API makes back; left out.");
        }

        var taken = new HashSet<string>(body.Inputs.Select(i => i.Name), StringComparer.Ordinal);
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

            var input = InputName(parameter.Name!, location, pointer, taken, body.Inputs.Count > 0);
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

        url = ServerPrefix(path, item, verb, operation, at) + url;
        var response = _responses.Map(operation, at);
        if (response.Accept is { } accept && !headers.Any(h => h.Name.Equals("Accept", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new RestParameter("Accept", accept));
        }

        var name = ActionName(operation, verb, path, at);
        return new ActionDefinition
        {
            Guid = newGuid().ToString(),
            Name = name,
            DisplayName = OneLine(operation.Summary) is { Length: > 0 } summary ? summary : Naming.ToDisplayName(name),
            Description = (operation.Description ?? operation.Summary ?? "").Trim(),
            Kind = ActionKind.Rest,
            Rest = new RestRequest
            {
                Method = verb,
                Url = url,
                ContentType = body.ContentType,
                UseAuthentication = authentication.Method != AuthenticationMethod.None && security.UsesAuthentication(operation, at, schemeId),
                Headers = headers.ToValueList(),
                Query = query.ToValueList(),
                SendTemplateInputs = false,
                BodyInput = body.BodyInput,
                ResponseFormat = response.Format,
                Pagination = response.Pagination,
            },
            Inputs = [.. inputs, .. body.Inputs],
            Outputs = response.Outputs,
        };
    }

    /// <summary>A server the operation (or its path item) names for itself makes its URL absolute.</summary>
    private string ServerPrefix(string path, IOpenApiPathItem item, string verb, OpenApiOperation operation, string at)
    {
        var (servers, owner) = operation.Servers is { Count: > 0 } own
            ? (own, at)
            : (item.Servers ?? [], DocumentPointers.PathItem(path));
        if (servers.Count == 0)
        {
            return "";
        }

        for (var i = 1; i < servers.Count; i++)
        {
            report.Unmapped(JsonPointer.Append(JsonPointer.Append(owner, "servers"), i), $"Only the first server of the {(owner == at ? "operation" : "path")} is used ({verb} {path}).");
        }

        return ServerMapper.OperationServer(servers[0], JsonPointer.Append(JsonPointer.Append(owner, "servers"), 0), report) ?? "";
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

    private string ActionName(OpenApiOperation operation, string verb, string path, string at)
    {
        var wanted = operation.OperationId is { Length: > 0 } id ? Naming.ToKebabCase(id) : "";
        if (wanted.Length == 0)
        {
            wanted = Naming.ToKebabCase($"{verb.ToLowerInvariant()} {path}");
        }

        if (wanted.Length == 0)
        {
            wanted = "action";
        }

        var name = wanted;
        for (var n = 2; !_actionNames.Add(name); n++)
        {
            name = $"{wanted}-{n}";
        }

        if (name != wanted)
        {
            report.Approximate(operation.OperationId is null ? at : JsonPointer.Append(at, "operationId"), $"The action name '{wanted}' is already used; this operation's action is named '{name}'.");
        }

        return name;
    }

    private static string OneLine(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PathVariable();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
