using Patchbay.Core.Model;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>Builds Easy REST connectors in code, so each test shows the request options it uses.</summary>
internal sealed class RestConnector(string baseUri)
{
    private readonly List<ActionDefinition> _actions = [];
    private ValueList<ConnectorParameter> _parameters = [];
    private AuthenticationSettings _authentication = new() { Method = AuthenticationMethod.None, Name = "none" };

    /// <summary>An action named <paramref name="name"/>; inputs are string fields unless a tree is given.</summary>
    public RestConnector Action(string name, RestRequest rest, ValueList<DataNode>? inputs = null, ValueList<DataNode>? outputs = null)
    {
        _actions.Add(new ActionDefinition
        {
            Guid = Guid.NewGuid().ToString(),
            Name = name,
            DisplayName = name,
            Kind = ActionKind.Rest,
            Rest = rest,
            Inputs = inputs ?? [],
            Outputs = outputs ?? [],
        });
        return this;
    }

    public RestConnector Parameters(params ConnectorParameter[] parameters)
    {
        _parameters = [.. parameters];
        return this;
    }

    /// <summary>Basic authentication with <c>username</c> and a password-mode <c>password</c>.</summary>
    public RestConnector Basic()
    {
        _authentication = new AuthenticationSettings
        {
            Method = AuthenticationMethod.Basic,
            Name = "basic",
            Parameters = [new ConnectorParameter { Name = "username" }, new ConnectorParameter { Name = "password", PasswordMode = true }],
        };
        return this;
    }

    public ConnectorPackage Build() => new()
    {
        Definition = new ConnectorDefinition
        {
            GlobalGuid = Guid.NewGuid().ToString(),
            Name = "Rest Test",
            FolderName = "rest-test",
            Version = "1.0.0",
            Type = ConnectorType.EasyRest,
            BaseUri = baseUri,
            Parameters = _parameters,
            Authentication = _authentication,
            Actions = [.. _actions],
        },
    };

    /// <summary>String input fields with these names.</summary>
    public static ValueList<DataNode> Strings(params string[] names) => [.. names.Select(n => DataNode.Leaf(n, DataType.String))];

    public static RestRequest Get(string url) => new() { Method = "GET", Url = url };

    public static RestRequest Post(string url, string contentType = "application/json") => new() { Method = "POST", Url = url, ContentType = contentType };
}
