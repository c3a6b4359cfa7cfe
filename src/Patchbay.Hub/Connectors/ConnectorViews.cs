using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Core.Schema;

namespace Patchbay.Hub.Connectors;

// What the connector endpoints answer. Built from the stored rows and the definitions Core reads back.

/// <summary>One connector in the list: what it is, and the current version of each major.</summary>
public sealed record ConnectorListItem(string Name, string Description, ConnectorType Type, IReadOnlyList<MajorSummary> Majors);

/// <summary>The current version of one major version.</summary>
public sealed record MajorSummary(int Major, string Version, Guid VersionId, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>A connector shown in full: its definition (from its newest major), every version, and each current major's actions.</summary>
public sealed record ConnectorDetail(
    string Name,
    string GlobalGuid,
    string Description,
    string Author,
    string Website,
    ConnectorType Type,
    AuthenticationView Authentication,
    IReadOnlyList<ParameterView> Parameters,
    IReadOnlyList<ErrorDefinition> Errors,
    IReadOnlyList<MajorDetail> Majors,
    IReadOnlyList<VersionEntry> Versions);

/// <summary>The current version of a major version, with its actions.</summary>
public sealed record MajorDetail(int Major, string Version, Guid VersionId, DateTimeOffset UploadedAt, string UploadedBy, string Description, IReadOnlyList<ActionView> Actions);

/// <summary>An action and its data trees in the readable JSON form of source folders (<see cref="DataTreeJson"/>).</summary>
public sealed record ActionView(string Name, string DisplayName, string Description, ActionKind Kind, JsonObject Inputs, JsonObject Outputs, JsonObject Errors)
{
    public static ActionView From(ActionDefinition action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new ActionView(action.Name, action.DisplayName, action.Description, action.Kind, DataTreeJson.Write(action.Inputs), DataTreeJson.Write(action.Outputs), DataTreeJson.Write(action.Errors));
    }
}

/// <summary>The authentication a connector asks for, and the parameters of that tab.</summary>
public sealed record AuthenticationView(AuthenticationMethod Method, OAuth2Grant? Grant, IReadOnlyList<ParameterView> Parameters);

/// <summary>A parameter of the Connector or Authentication tab. A password-mode default is never shown.</summary>
public sealed record ParameterView(string Name, bool Required, bool Password, string DataType, IReadOnlyList<string> AllowedValues, string? DefaultValue)
{
    public static ParameterView From(ConnectorParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new ParameterView(
            parameter.Name,
            parameter.Required,
            parameter.PasswordMode,
            parameter.DataType,
            [.. parameter.AllowedValues],
            parameter.PasswordMode || parameter.DefaultValue.Length == 0 ? null : parameter.DefaultValue);
    }
}

/// <summary>One stored version, current or in history.</summary>
public sealed record VersionEntry(Guid Id, int Major, string Version, bool IsCurrent, DateTimeOffset UploadedAt, string UploadedBy, DateTimeOffset? ReplacedAt, string Sha256);

/// <summary>The answer to an upload or a restore.</summary>
public sealed record InstallAnswer(string Name, string Version, int Major, Guid VersionId, InstallOutcome Outcome, string? ReplacedVersion)
{
    public static InstallAnswer From(InstallResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new InstallAnswer(result.Name, result.Version, result.Major, result.VersionId, result.Outcome, result.ReplacedVersion);
    }
}
