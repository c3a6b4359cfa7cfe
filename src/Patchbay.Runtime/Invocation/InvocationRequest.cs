using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Invocation;

/// <summary>One call of one action of one connector, with the values it runs with.</summary>
public sealed record InvocationRequest
{
    public required ConnectorPackage Connector { get; init; }

    public required string Action { get; init; }

    /// <summary>The action's inputs, checked and coerced against its input tree before any code runs.</summary>
    public JsonNode? Inputs { get; init; }

    /// <summary>Connector-tab parameter values, reaching code as <c>globals.systemproperties</c>.</summary>
    public IReadOnlyDictionary<string, string> ConnectorParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Authentication-tab parameter values, reaching code as <c>globals.authdata</c>.</summary>
    public IReadOnlyDictionary<string, string> AuthenticationParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The credential domain (typically the environment) whose values these are. Invocations of different
    /// domains never share a worker, so module state left by one never reaches another's credentials.
    /// </summary>
    /// <value>"default".</value>
    public string CredentialDomain { get; init; } = "default";

    /// <summary><c>globals.projectname</c>.</summary>
    /// <value>"patchbay".</value>
    public string ProjectName { get; init; } = "patchbay";

    /// <summary>How long the invocation may take; the runtime's default when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Bizagi's <c>enablelog</c>: whether the connector's <c>LOG</c> writes lines.</summary>
    public bool EnableLog { get; init; }
}
