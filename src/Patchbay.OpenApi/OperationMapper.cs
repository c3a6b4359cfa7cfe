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

    private readonly HashSet<string> _actionNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly RequestBodyMapper _bodies = new(pointers, schemas, report);
    private readonly ResponseMapper _responses = new(pointers, schemas, report);
    private readonly ParameterMapper _parameters = new(schemas, authentication, report);

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

        var parameters = _parameters.Map(path, item, verb, operation, at, body.Inputs.Select(i => i.Name));
        var headers = parameters.Headers.ToList();
        var url = ServerPrefix(path, item, verb, operation, at) + parameters.Url;
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
                Query = parameters.Query,
                SendTemplateInputs = false,
                BodyInput = body.BodyInput,
                ResponseFormat = response.Format,
                Pagination = response.Pagination,
            },
            Inputs = [.. parameters.Inputs, .. body.Inputs],
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
