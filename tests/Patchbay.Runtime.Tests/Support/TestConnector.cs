using Patchbay.Core.Model;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>Builds custom connectors from inline JavaScript, so each test shows the code it runs.</summary>
internal sealed class TestConnector
{
    private readonly List<ActionDefinition> _actions = [];
    private FileSet _files = FileSet.Empty;
    private AuthenticationSettings _authentication = new() { Method = AuthenticationMethod.None, Name = "custom" };
    private ValueList<ConnectorParameter> _authParameters = [];
    private ValueList<ConnectorParameter> _parameters = [];

    public string Name { get; init; } = "Test Connector";

    public string Version { get; init; } = "1.0.0";

    /// <summary>The connector's identity across versions; a new one per builder unless given.</summary>
    public string GlobalGuid { get; init; } = Guid.NewGuid().ToString();

    public TestConnector Action(string name, string code, ValueList<DataNode>? inputs = null, ValueList<DataNode>? outputs = null)
    {
        _actions.Add(new ActionDefinition
        {
            Guid = Guid.NewGuid().ToString(),
            Name = name,
            DisplayName = name,
            Kind = ActionKind.Custom,
            Inputs = inputs ?? [],
            Outputs = outputs ?? [],
        });
        _files = _files.WithText(ConnectorPackage.ActionPath(name), code);
        return this;
    }

    /// <summary>An action whose whole body is <paramref name="body"/>, inside invoke(globals, actionName, data, authenticationType, LOG, callback).</summary>
    public TestConnector Invoke(string name, string body, ValueList<DataNode>? inputs = null, ValueList<DataNode>? outputs = null) =>
        Action(name, $$"""
            var bizagiUtil = require('bz-util');
            var RESPONSE = bizagiUtil.getResponse;
            exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
            {{body}}
            };
            """, inputs, outputs);

    public TestConnector Auth(string body, params ConnectorParameter[] parameters)
    {
        _authentication = AuthenticationSettings.CustomCode;
        _authParameters = [.. parameters];
        _files = _files.WithText(ConnectorPaths.Authenticator, $$"""
            var bizagiUtil = require('bz-util');
            var RESPONSE = bizagiUtil.getResponse;
            exports.invoke = function (globals, LOG, callback) {
            {{body}}
            };
            """);
        return this;
    }

    public TestConnector Parameters(params ConnectorParameter[] parameters)
    {
        _parameters = [.. parameters];
        return this;
    }

    public TestConnector File(string path, string text)
    {
        _files = _files.WithText(path, text);
        return this;
    }

    public TestConnector Files(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        foreach (var (path, content) in files)
        {
            _files = _files.With(path, content);
        }

        return this;
    }

    public ConnectorPackage Build() => new()
    {
        Definition = new ConnectorDefinition
        {
            GlobalGuid = GlobalGuid,
            Name = Name,
            FolderName = "test-connector",
            Version = Version,
            Type = ConnectorType.Custom,
            Parameters = _parameters,
            Authentication = _authentication with { Parameters = _authParameters },
            Actions = [.. _actions],
        },
        Files = _files,
    };
}
