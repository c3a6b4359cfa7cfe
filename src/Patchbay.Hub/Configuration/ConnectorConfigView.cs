using System.Text.Json.Serialization;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// The configuration of a connector major version in one environment, as the API shows it: every parameter the
/// current version declares, with its value; password-mode values only as <see cref="SecretProtector.Mask"/>.
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

/// <summary>One declared parameter and its value in an environment (null when unset; the mask for a set password).</summary>
public sealed record ParameterValueView(
    string Name,
    bool Required,
    bool Password,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Value,
    bool IsSet,
    string? DefaultValue,
    IReadOnlyList<string>? AllowedValues);
