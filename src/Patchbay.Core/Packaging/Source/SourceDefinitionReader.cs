using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Packaging.Source;

/// <summary>Reads a source folder's <c>connector.json</c>; every problem is reported with its JSON path.</summary>
internal static class SourceDefinitionReader
{
    private static readonly string[] RestKeys = ["method", "url", "contentType", "useAuthentication", .. RestOptionsJson.Keys];

    public static ConnectorDefinition Read(JsonObject root, string iconBase64, DiagnosticList diagnostics)
    {
        var json = new JsonFields(SourceFolderLayout.Definition, diagnostics);
        return new ConnectorDefinition
        {
            GlobalGuid = json.String(root, "globalGuid", "", required: true),
            Name = json.String(root, "name", "", required: true),
            FolderName = json.String(root, "folderName", "", required: true),
            Version = json.String(root, "version", "", required: true),
            Type = json.ConnectorType(root, "type"),
            Author = json.String(root, "author", ""),
            Website = json.String(root, "website", ""),
            Description = json.String(root, "description", ""),
            BaseUri = json.String(root, "baseUri", ""),
            RuntimeVersion = json.String(root, "runtimeVersion", "", fallback: "1"),
            IconBase64 = iconBase64,
            Parameters = ReadParameters(json, root, ""),
            Authentication = ReadAuthentication(json, json.Object(root, "authentication", "") ?? []),
            Errors = ReadErrors(json, root),
            Actions = json.Objects(root, "actions", "").Select(a => ReadAction(json, a.Item, a.Path)).ToValueList(),
            Extra = ReadExtra(json, root, ""),
        };
    }

    private static ValueList<ConnectorParameter> ReadParameters(JsonFields json, JsonObject owner, string path) =>
        json.Objects(owner, "parameters", path).Select(p => new ConnectorParameter
        {
            Name = json.String(p.Item, "name", p.Path),
            Required = json.Boolean(p.Item, "required", p.Path),
            PasswordMode = json.Boolean(p.Item, "password", p.Path),
            DataType = json.String(p.Item, "dataType", p.Path),
            AllowedValues = json.Strings(p.Item, "allowedValues", p.Path).ToValueList(),
            DefaultValue = json.String(p.Item, "default", p.Path),
        }).ToValueList();

    private static AuthenticationSettings ReadAuthentication(JsonFields json, JsonObject auth)
    {
        const string path = "authentication";
        var method = json.Method(auth, "method", path);
        return new AuthenticationSettings
        {
            Method = method,
            Name = json.String(auth, "name", path, fallback: WireNames.Of(method)),
            Grant = json.Grant(auth, "grant", path),
            Parameters = ReadParameters(json, auth, path),
        };
    }

    private static ValueList<ErrorDefinition> ReadErrors(JsonFields json, JsonObject root)
    {
        var errors = json.Object(root, "errors", "");
        if (errors is null)
        {
            return [];
        }

        return errors.Select(e => new ErrorDefinition(e.Key, json.String(errors, e.Key, "errors"))).ToValueList();
    }

    private static ActionDefinition ReadAction(JsonFields json, JsonObject action, string path)
    {
        var rest = json.Object(action, "rest", path);
        return new ActionDefinition
        {
            Guid = json.String(action, "guid", path),
            Name = json.String(action, "name", path, required: true),
            DisplayName = json.String(action, "displayName", path),
            Description = json.String(action, "description", path),
            Kind = rest is null ? ActionKind.Custom : ActionKind.Rest,
            Rest = rest is null ? null : ReadRest(json, rest, $"{path}.rest"),
            Inputs = ReadTree(json, action, "input", path) ?? [],
            Outputs = ReadTree(json, action, "output", path) ?? [],
            Errors = ReadTree(json, action, "error", path) ?? DataTrees.DefaultError,
            Extra = ReadExtra(json, action, path),
        };
    }

    private static RestRequest ReadRest(JsonFields json, JsonObject rest, string path)
    {
        json.WarnUnknown(rest, path, RestKeys);
        var bizagiPart = new RestRequest
        {
            Method = json.String(rest, "method", path, required: true).ToUpperInvariant(),
            Url = json.String(rest, "url", path, required: true),
            ContentType = json.String(rest, "contentType", path),
            UseAuthentication = json.Boolean(rest, "useAuthentication", path),
        };
        return RestOptionsJson.Read(json, rest, path, bizagiPart);
    }

    private static ValueList<DataNode>? ReadTree(JsonFields json, JsonObject action, string key, string path)
    {
        if (action[key] is null)
        {
            return null;
        }

        var result = DataTreeJson.Read(action[key], json.File, $"{path}.{key}");
        json.Diagnostics.AddRange(result.Diagnostics);
        return result.Tree;
    }

    private static ValueList<ExtraProperty> ReadExtra(JsonFields json, JsonObject owner, string path) =>
        (json.Object(owner, "bizc", path) ?? [])
            .Select(p => new ExtraProperty(p.Key, p.Value?.ToJsonString() ?? "null"))
            .ToValueList();
}
