using System.Text.Json.Serialization;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// The configuration of a connector major version in one environment, as the API shows it: every parameter the
/// current version declares, with its value, then any value still stored for a parameter it no longer declares;
/// password-mode values only as <see cref="SecretProtector.Mask"/>.
/// </summary>
public sealed record ConnectorConfigView(
    string Connector,
    int Major,
    string Version,
    string Environment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? TimeoutSeconds,
    int DefaultTimeoutSeconds,
    bool LoggingEnabled,
    IReadOnlyList<ParameterValueView> ConnectorParameters,
    IReadOnlyList<ParameterValueView> AuthenticationParameters,
    IReadOnlyList<string> MissingRequired);

/// <summary>
/// One parameter and its value in an environment (null when unset; the mask for a set password).
/// <see cref="InDefinition"/> is false for a value left from an earlier version, which only a removal (null) changes.
/// </summary>
public sealed record ParameterValueView(
    string Name,
    bool Required,
    bool Password,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Value,
    bool IsSet,
    string? DefaultValue,
    IReadOnlyList<string>? AllowedValues,
    bool InDefinition);
