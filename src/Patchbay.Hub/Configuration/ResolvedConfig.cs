namespace Patchbay.Hub.Configuration;

/// <summary>What an invocation of a connector major version runs with in one environment: values decrypted, for the runtime only.</summary>
public sealed record ResolvedConfig(
    string Environment,
    IReadOnlyDictionary<string, string> ConnectorParameters,
    IReadOnlyDictionary<string, string> AuthenticationParameters,
    TimeSpan? Timeout,
    bool LoggingEnabled);
