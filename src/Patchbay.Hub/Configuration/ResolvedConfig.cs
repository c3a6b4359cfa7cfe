using Patchbay.Core.Model;

namespace Patchbay.Hub.Configuration;

/// <summary>What an invocation of a connector major version runs with in one environment: values decrypted, for the runtime only.</summary>
public sealed record ResolvedConfig(
    string Environment,
    IReadOnlyDictionary<string, string> ConnectorParameters,
    IReadOnlyDictionary<string, string> AuthenticationParameters,
    TimeSpan? Timeout,
    bool LoggingEnabled)
{
    /// <summary>
    /// The values another version of the connector declares (a package under test): a parameter it dropped is not
    /// passed, as an invocation gets only the parameters its version declares.
    /// </summary>
    public ResolvedConfig DeclaredBy(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return this with
        {
            ConnectorParameters = Keep(ConnectorParameters, definition.Parameters),
            AuthenticationParameters = Keep(AuthenticationParameters, definition.Authentication.Parameters),
        };
    }

    private static Dictionary<string, string> Keep(IReadOnlyDictionary<string, string> values, IEnumerable<ConnectorParameter> declared)
    {
        var names = declared.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return values.Where(v => names.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }
}
