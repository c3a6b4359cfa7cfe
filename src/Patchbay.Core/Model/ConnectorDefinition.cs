namespace Patchbay.Core.Model;

/// <summary>
/// Everything <c>def/connector.json</c> and <c>etc/errors.js</c> say about a connector:
/// general information, global parameters, authentication, error catalog and actions.
/// </summary>
public sealed record ConnectorDefinition
{
    /// <summary>The connector's identity across versions (a UUID).</summary>
    public required string GlobalGuid { get; init; }

    public required string Name { get; init; }

    /// <summary>Kebab-case folder name; also the log file name (<c>etc/config.js logFileName</c>).</summary>
    public required string FolderName { get; init; }

    /// <summary>Semantic version (<c>major.minor.patch</c>).</summary>
    public required string Version { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Bizagi's <c>homeurl</c>.</summary>
    public string Website { get; init; } = "";

    public string Author { get; init; } = "";

    /// <summary>The PNG icon, base64-encoded without a <c>data:</c> prefix; empty when there is none.</summary>
    public string IconBase64 { get; init; } = "";

    /// <value>"1" in every observed file.</value>
    public string RuntimeVersion { get; init; } = "1";

    public required ConnectorType Type { get; init; }

    /// <summary>The base URI that relative Easy REST URLs resolve against.</summary>
    public string BaseUri { get; init; } = "";

    /// <summary>Connector-tab parameters, reaching code as <c>globals.systemproperties.&lt;name&gt;</c>.</summary>
    public ValueList<ConnectorParameter> Parameters { get; init; } = [];

    public required AuthenticationSettings Authentication { get; init; }

    /// <summary>The Errors tab: custom codes added to bz-util's catalog.</summary>
    public ValueList<ErrorDefinition> Errors { get; init; } = [];

    public ValueList<ActionDefinition> Actions { get; init; } = [];

    public ValueList<ExtraProperty> Extra { get; init; } = [];
}
