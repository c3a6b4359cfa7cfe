using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;

namespace Patchbay.Core.Authoring;

/// <summary>Starting points for new connectors: each is valid as created and shows the shape of a real one.</summary>
public static class ConnectorTemplates
{
    /// <summary>A custom connector with <c>auth/auth.js</c> and one action, <c>say-hello</c>.</summary>
    public static ConnectorPackage Custom(string name, Guid globalGuid, Guid actionGuid)
    {
        var action = new ActionDefinition
        {
            Guid = actionGuid.ToString(),
            Name = "say-hello",
            DisplayName = "Say Hello",
            Description = "Returns a greeting for the given name.",
            Kind = ActionKind.Custom,
            Inputs = [DataNode.Leaf("name", DataType.String, isRequired: true)],
            Outputs = [DataNode.Leaf("greeting", DataType.String)],
        };
        var definition = Definition(name, globalGuid, ConnectorType.Custom) with
        {
            Authentication = AuthenticationSettings.CustomCode,
            Actions = [action],
        };
        var files = FileSet.Empty
            .WithText(ConnectorPaths.Authenticator, DefaultFiles.Authenticator)
            .WithText(ConnectorPackage.ActionPath(action.Name), SayHelloCode);
        return new ConnectorPackage { Definition = definition, Files = files };
    }

    /// <summary>An Easy REST connector with one GET action, <c>get-item</c>, against its base URI.</summary>
    public static ConnectorPackage EasyRest(string name, Guid globalGuid, Guid actionGuid)
    {
        var action = new ActionDefinition
        {
            Guid = actionGuid.ToString(),
            Name = "get-item",
            DisplayName = "Get Item",
            Description = "Reads one item by its id.",
            Kind = ActionKind.Rest,
            Rest = new RestRequest { Method = "GET", Url = "/items/{{id}}", UseAuthentication = true },
            Inputs = [DataNode.Leaf("id", DataType.String, isRequired: true)],
            Outputs = [DataNode.Leaf("id", DataType.String), DataNode.Leaf("name", DataType.String)],
        };
        var definition = Definition(name, globalGuid, ConnectorType.EasyRest) with
        {
            BaseUri = "https://api.example.com",
            Authentication = new AuthenticationSettings { Method = AuthenticationMethod.None, Name = "none" },
            Actions = [action],
        };
        return new ConnectorPackage { Definition = definition };
    }

    /// <summary>
    /// The code of a new custom action: the <c>invoke</c> entry point (bizagi-compat §5.1) answering an empty output,
    /// its parameters typed in JSDoc so that an editor completes <c>globals</c>, <c>data</c> and <c>LOG</c>.
    /// </summary>
    public const string ActionCode = $$"""
        var bizagiUtil = require('bz-util');
        var RESPONSE = bizagiUtil.getResponse;

        /**
         * Runs the action. Inputs are in data.inputs.input; finish by calling callback exactly once.
        {{InvokeParameters}}
         */
        function invoke(globals, actionName, data, authenticationType, LOG, callback) {
          callback(RESPONSE({}, null, 200));
        }

        exports.invoke = invoke;

        """;

    /// <summary>The code of a new <c>auth/auth.js</c>: an authenticator that adds nothing to <c>globals.authdata</c>.</summary>
    public static string AuthenticatorCode => DefaultFiles.Authenticator;

    private static ConnectorDefinition Definition(string name, Guid globalGuid, ConnectorType type) => new()
    {
        GlobalGuid = globalGuid.ToString(),
        Name = name,
        FolderName = Naming.ToKebabCase(name),
        Version = "1.0.0",
        Type = type,
        Authentication = AuthenticationSettings.CustomCode,
    };

    /// <summary>JSDoc typing invoke's parameters with the names of the editor's bz-util.d.ts, so completion knows them.</summary>
    private const string InvokeParameters = """
         * @param {Bizagi.Globals} globals Connector parameters (systemproperties), authentication parameters (authdata) and projectname.
         * @param {string} actionName The action's name.
         * @param {Bizagi.ActionData} data The inputs: data.inputs.input.<name>.
         * @param {string} authenticationType The connector's authentication method, e.g. 'custom'.
         * @param {Bizagi.Logger} LOG The invocation's log: LOG.info, LOG.debug, LOG.warn, LOG.error.
         * @param {Bizagi.Callback} callback Call with RESPONSE(output, error, statusCode, errorMessage).
        """;

    private const string SayHelloCode = $$"""
        var bizagiUtil = require('bz-util');
        var RESPONSE = bizagiUtil.getResponse;
        var ERROR = bizagiUtil.error;

        /**
         * Answers a greeting for data.inputs.input.name.
        {{InvokeParameters}}
         */
        function invoke(globals, actionName, data, authenticationType, LOG, callback) {
          var name = data.inputs.input.name;
          var missing = bizagiUtil.validator.requiredParameters({ name: name });
          if (missing) {
            return callback(missing);
          }

          LOG.info(['[', actionName, '] greeting ', name]);
          callback(RESPONSE({ greeting: 'Hello, ' + name + '!' }, null, 200));
        }

        exports.invoke = invoke;

        """;
}
