using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Packaging.Source;

/// <summary>
/// Writes <c>connector.json</c> of a source folder: plain JSON trees instead of base64 XSD, defaults
/// left out, one field per line so that a change to one input is a one- or two-line diff.
/// </summary>
internal static class SourceDefinitionWriter
{
    public static JsonObject Write(ConnectorDefinition definition)
    {
        var root = new JsonObject
        {
            ["globalGuid"] = definition.GlobalGuid,
            ["name"] = definition.Name,
            ["folderName"] = definition.FolderName,
            ["version"] = definition.Version,
            ["type"] = WireNames.Of(definition.Type),
            ["author"] = definition.Author,
            ["website"] = definition.Website,
            ["description"] = definition.Description,
        };
        if (definition.BaseUri.Length > 0 || definition.Type == ConnectorType.EasyRest)
        {
            root["baseUri"] = definition.BaseUri;
        }

        if (definition.RuntimeVersion != "1")
        {
            root["runtimeVersion"] = definition.RuntimeVersion;
        }

        root["parameters"] = Parameters(definition.Parameters);
        root["authentication"] = Authentication(definition.Authentication);
        root["errors"] = new JsonObject(definition.Errors.Select(e => KeyValuePair.Create(e.Code, (JsonNode?)e.Message)));
        root["actions"] = new JsonArray(definition.Actions.Select(a => (JsonNode)Action(a)).ToArray());
        AddExtra(root, definition.Extra);
        return root;
    }

    private static JsonObject Authentication(AuthenticationSettings authentication)
    {
        var method = WireNames.Of(authentication.Method);
        var node = new JsonObject { ["method"] = method };
        if (authentication.Name != method)
        {
            node["name"] = authentication.Name;
        }

        if (authentication.Grant is { } grant)
        {
            node["grant"] = WireNames.Of(grant);
        }

        node["parameters"] = Parameters(authentication.Parameters);
        return node;
    }

    private static JsonArray Parameters(ValueList<ConnectorParameter> parameters) =>
        new(parameters.Select(p =>
        {
            var node = new JsonObject { ["name"] = p.Name };
            if (p.Required)
            {
                node["required"] = true;
            }

            if (p.PasswordMode)
            {
                node["password"] = true;
            }

            if (p.DataType.Length > 0)
            {
                node["dataType"] = p.DataType;
            }

            if (p.AllowedValues.Count > 0)
            {
                node["allowedValues"] = new JsonArray(p.AllowedValues.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            }

            if (p.DefaultValue.Length > 0)
            {
                node["default"] = p.DefaultValue;
            }

            return (JsonNode)node;
        }).ToArray());

    private static JsonObject Action(ActionDefinition action)
    {
        var node = new JsonObject
        {
            ["guid"] = action.Guid,
            ["name"] = action.Name,
            ["displayName"] = action.DisplayName,
            ["description"] = action.Description,
        };
        if (action.Kind == ActionKind.Rest)
        {
            var rest = action.Rest ?? new RestRequest { Method = "", Url = "" };
            var restNode = new JsonObject
            {
                ["method"] = rest.Method,
                ["url"] = rest.Url,
                ["contentType"] = rest.ContentType,
                ["useAuthentication"] = rest.UseAuthentication,
            };
            RestOptionsJson.Write(rest, restNode);
            node["rest"] = restNode;
        }

        node["input"] = DataTreeJson.Write(action.Inputs);
        node["output"] = DataTreeJson.Write(action.Outputs);
        if (!action.Errors.Equals(DataTrees.DefaultError))
        {
            node["error"] = DataTreeJson.Write(action.Errors);
        }

        AddExtra(node, action.Extra);
        return node;
    }

    /// <summary>Properties of <c>def/connector.json</c> Patchbay does not model, kept verbatim under <c>"bizc"</c>.</summary>
    private static void AddExtra(JsonObject node, ValueList<ExtraProperty> extra)
    {
        if (extra.Count > 0)
        {
            node["bizc"] = new JsonObject(extra.Select(p => KeyValuePair.Create(p.Name, JsonNode.Parse(p.Json))));
        }
    }
}
