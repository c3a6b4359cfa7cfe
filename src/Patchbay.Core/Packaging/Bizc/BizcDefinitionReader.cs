using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Core.Packaging.Bizc;

/// <summary>Reads <c>def/connector.json</c> (bizagi-compat §2.4) into a <see cref="ConnectorDefinition"/>.</summary>
internal static class BizcDefinitionReader
{
    private static readonly HashSet<string> RootKeys = new(StringComparer.Ordinal)
    {
        "globalguid", "name", "foldername", "description", "homeurl", "icon", "version", "runtimeversion",
        "author", "type", "baseuri", "systemdefinition", "actions",
    };

    private static readonly HashSet<string> ActionKeys = new(StringComparer.Ordinal)
    {
        "guid", "name", "displayName", "description", "actiontype", "contenttype", "resturl", "httpoperation",
        "useauthentication", "xsdinput", "xsdoutput",
    };

    // A REST action's Patchbay options are modelled; on a custom action they are kept verbatim (and reported by validation).
    private static readonly HashSet<string> RestActionKeys = new(ActionKeys.Append(RestOptionsJson.BizcProperty), StringComparer.Ordinal);

    public static ConnectorDefinition Read(JsonObject root, DiagnosticList diagnostics)
    {
        var json = new JsonFields(ConnectorPaths.Definition, diagnostics);
        var system = json.Object(root, "systemdefinition", "") ?? [];
        return new ConnectorDefinition
        {
            GlobalGuid = json.String(root, "globalguid", "", required: true),
            Name = json.String(root, "name", "", required: true),
            FolderName = json.String(root, "foldername", "", required: true),
            Version = json.String(root, "version", "", required: true),
            Description = json.String(root, "description", ""),
            Website = json.String(root, "homeurl", ""),
            Author = json.String(root, "author", ""),
            IconBase64 = json.String(root, "icon", ""),
            RuntimeVersion = json.String(root, "runtimeversion", "", fallback: "1"),
            BaseUri = json.String(root, "baseuri", ""),
            Type = json.ConnectorType(root, "type"),
            Parameters = ReadParameters(json, system, "systemdefinition"),
            Authentication = ReadAuthentication(json, system),
            Actions = json.Objects(root, "actions", "").Select(a => ReadAction(json, a.Item, a.Path)).ToValueList(),
            Extra = ExtraProperties(root, RootKeys),
        };
    }

    private static ValueList<ConnectorParameter> ReadParameters(JsonFields json, JsonObject owner, string path) =>
        json.Objects(owner, "properties", path).Select(p => new ConnectorParameter
        {
            Name = json.String(p.Item, "name", p.Path),
            Required = json.Boolean(p.Item, "required", p.Path),
            PasswordMode = json.Boolean(p.Item, "passwordmode", p.Path),
            DataType = json.String(p.Item, "datatype", p.Path),
            AllowedValues = json.Strings(p.Item, "propertyvalues", p.Path).ToValueList(),
            DefaultValue = json.String(p.Item, "defaultvalue", p.Path),
        }).ToValueList();

    private static AuthenticationSettings ReadAuthentication(JsonFields json, JsonObject system)
    {
        var all = json.Objects(system, "authentications", "systemdefinition").ToList();
        if (all.Count == 0)
        {
            return new AuthenticationSettings { Method = AuthenticationMethod.None, Name = "none" };
        }

        if (all.Count > 1)
        {
            json.Diagnostics.Warning("several-authentications", json.At("systemdefinition.authentications"), $"{all.Count} authentications are defined; Bizagi uses only the first.");
        }

        var (auth, path, _) = all[0];
        var method = json.Method(auth, "authenticationtype", path, required: true);
        return new AuthenticationSettings
        {
            Method = method,
            Name = json.String(auth, "name", path, fallback: WireNames.Of(method)),
            Parameters = ReadParameters(json, auth, path),
            Grant = json.Grant(auth, "granttype", path),
        };
    }

    private static ActionDefinition ReadAction(JsonFields json, JsonObject action, string path)
    {
        var kindName = json.String(action, "actiontype", path, fallback: "custom");
        if (!WireNames.TryParseActionKind(kindName, out var kind))
        {
            json.Diagnostics.Error("unknown-action-type", json.At(path, "actiontype"), $"'{kindName}' is not an action type; use custom or rest.");
        }

        var input = XsdSchemaCodec.ParseInput(
            Xsd(json, action, "xsdinput", path), ConnectorPaths.Definition, $"{path}.xsdinput");
        var output = XsdSchemaCodec.ParseOutput(
            Xsd(json, action, "xsdoutput", path), ConnectorPaths.Definition, $"{path}.xsdoutput");
        json.Diagnostics.AddRange(input.Diagnostics);
        json.Diagnostics.AddRange(output.Diagnostics);

        return new ActionDefinition
        {
            Guid = json.String(action, "guid", path),
            Name = json.String(action, "name", path, required: true),
            DisplayName = json.String(action, "displayName", path),
            Description = json.String(action, "description", path),
            Kind = kind,
            Rest = kind == ActionKind.Rest ? ReadRest(json, action, path) : null,
            Inputs = input.Inputs,
            Outputs = output.Outputs,
            Errors = output.Errors,
            Extra = ExtraProperties(action, kind == ActionKind.Rest ? RestActionKeys : ActionKeys),
        };
    }

    private static RestRequest ReadRest(JsonFields json, JsonObject action, string path)
    {
        var bizagiPart = new RestRequest
        {
            Method = json.String(action, "httpoperation", path).ToUpperInvariant(),
            Url = json.String(action, "resturl", path),
            ContentType = json.String(action, "contenttype", path),
            UseAuthentication = json.Boolean(action, "useauthentication", path),
        };
        if (json.Object(action, RestOptionsJson.BizcProperty, path) is not { } options)
        {
            return bizagiPart;
        }

        var optionsPath = $"{path}.{RestOptionsJson.BizcProperty}";
        json.WarnUnknown(options, optionsPath, RestOptionsJson.Keys);
        return RestOptionsJson.Read(json, options, optionsPath, bizagiPart);
    }

    /// <summary>The XSD text of a base64 property; empty when the property is absent.</summary>
    private static string Xsd(JsonFields json, JsonObject action, string key, string path)
    {
        var base64 = json.String(action, key, path);
        if (base64.Length == 0)
        {
            return "";
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            json.Diagnostics.Error("invalid-base64", json.At(path, key), $"'{key}' is not valid base64.");
            return "";
        }
    }

    private static ValueList<ExtraProperty> ExtraProperties(JsonObject obj, HashSet<string> known) =>
        obj.Where(p => !known.Contains(p.Key))
           .Select(p => new ExtraProperty(p.Key, p.Value?.ToJsonString() ?? "null"))
           .ToValueList();
}
