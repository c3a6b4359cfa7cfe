using System.Text;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Packaging.Bizc;

/// <summary>Writes a <see cref="ConnectorDefinition"/> as <c>def/connector.json</c>, in the key order the Connector Editor uses.</summary>
internal static class BizcDefinitionWriter
{
    public static JsonObject Write(ConnectorDefinition definition)
    {
        var root = new JsonObject
        {
            ["globalguid"] = definition.GlobalGuid,
            ["name"] = definition.Name,
            ["foldername"] = definition.FolderName,
            ["description"] = definition.Description,
            ["homeurl"] = definition.Website,
            ["icon"] = definition.IconBase64,
            ["version"] = definition.Version,
            ["runtimeversion"] = definition.RuntimeVersion,
            ["author"] = definition.Author,
            ["type"] = WireNames.Of(definition.Type),
        };
        if (definition.BaseUri.Length > 0)
        {
            root["baseuri"] = definition.BaseUri;
        }

        root["systemdefinition"] = new JsonObject
        {
            ["properties"] = Parameters(definition.Parameters, withPasswordMode: false),
            ["authentications"] = definition.Authentication.Method == AuthenticationMethod.None && definition.Authentication.Parameters.Count == 0
                ? new JsonArray()
                : new JsonArray(Authentication(definition.Authentication)),
        };
        root["actions"] = new JsonArray(definition.Actions.Select(a => (JsonNode)Action(a)).ToArray());
        AddExtra(root, definition.Extra);
        return root;
    }

    private static JsonObject Authentication(AuthenticationSettings authentication)
    {
        var auth = new JsonObject
        {
            ["authenticationtype"] = WireNames.Of(authentication.Method),
            ["name"] = authentication.Name,
        };
        if (authentication.Grant is { } grant)
        {
            auth["granttype"] = WireNames.Of(grant);
        }

        auth["properties"] = Parameters(authentication.Parameters, withPasswordMode: true);
        return auth;
    }

    private static JsonArray Parameters(ValueList<ConnectorParameter> parameters, bool withPasswordMode) =>
        new(parameters.Select(p =>
        {
            var property = new JsonObject { ["name"] = p.Name, ["datatype"] = p.DataType, ["required"] = p.Required };
            if (withPasswordMode || p.PasswordMode)
            {
                property["passwordmode"] = p.PasswordMode;
            }

            property["propertyvalues"] = new JsonArray(p.AllowedValues.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            if (p.DefaultValue.Length > 0)
            {
                property["defaultvalue"] = p.DefaultValue;
            }

            return (JsonNode)property;
        }).ToArray());

    private static JsonObject Action(ActionDefinition action)
    {
        var rest = action.Rest;
        var node = new JsonObject
        {
            ["guid"] = action.Guid,
            ["name"] = action.Name,
            ["displayName"] = action.DisplayName,
            ["description"] = action.Description,
            ["actiontype"] = WireNames.Of(action.Kind),
            ["contenttype"] = rest?.ContentType ?? "",
            ["resturl"] = rest?.Url ?? "",
            ["httpoperation"] = rest?.Method ?? "notdefined",
            ["useauthentication"] = rest?.UseAuthentication ?? false,
            ["xsdinput"] = Base64(XsdSchemaCodec.WriteInput(action.Inputs)),
            ["xsdoutput"] = Base64(XsdSchemaCodec.WriteOutput(action.Outputs, action.Errors)),
        };
        if (rest is not null && RestOptionsJson.HasOptions(rest))
        {
            var options = new JsonObject();
            RestOptionsJson.Write(rest, options);
            node[RestOptionsJson.BizcProperty] = options;
        }

        AddExtra(node, action.Extra);
        return node;
    }

    private static string Base64(string xsd) => Convert.ToBase64String(Encoding.UTF8.GetBytes(xsd));

    private static void AddExtra(JsonObject obj, ValueList<ExtraProperty> extra)
    {
        foreach (var property in extra)
        {
            obj[property.Name] = JsonNode.Parse(property.Json);
        }
    }
}
