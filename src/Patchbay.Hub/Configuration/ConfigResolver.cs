using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Model;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Configuration;

/// <summary>Reads the stored configuration of a connector major version in an environment, decrypting password-mode values.</summary>
public sealed class ConfigResolver(HubDb db, CatalogReadCache reads, SecretProtector secrets)
{
    public const string ConnectorKind = "connector";
    public const string AuthenticationKind = "authentication";

    /// <summary>The configuration to invoke with, or null when the environment does not exist. No stored configuration means no values, default timeout, logging off.</summary>
    public async Task<ResolvedConfig?> ResolveAsync(InstalledConnector connector, string environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(environment);
        var key = environment.ToLowerInvariant();
        var stored = await reads.GetOrReadAsync($"config {connector.ConnectorId} {connector.Major} {key}", () => ReadAsync(connector, key, cancellationToken));
        if (stored is null)
        {
            return null;
        }

        // Kept encrypted in the cache; decrypted for each invocation only. A value of a parameter this version no
        // longer declares stays stored (the configuration view shows it) but is not passed to the connector.
        var config = stored.Config;
        var definition = connector.Package.Definition;
        return config is null
            ? new ResolvedConfig(stored.EnvironmentName, new Dictionary<string, string>(), new Dictionary<string, string>(), null, false)
            : new ResolvedConfig(
                stored.EnvironmentName,
                Values(config, ConnectorKind, definition.Parameters),
                Values(config, AuthenticationKind, definition.Authentication.Parameters),
                config.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                config.LoggingEnabled);
    }

    private async Task<StoredConfig?> ReadAsync(InstalledConnector connector, string environmentKey, CancellationToken cancellationToken)
    {
        var name = await db.Environments.AsNoTracking().Where(e => e.NameKey == environmentKey).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }

        var config = await db.ConnectorConfigs.AsNoTracking().Include(c => c.Values)
            .FirstOrDefaultAsync(c => c.ConnectorId == connector.ConnectorId && c.Major == connector.Major && c.EnvironmentKey == environmentKey, cancellationToken);
        return new StoredConfig(name, config);
    }

    private Dictionary<string, string> Values(ConnectorConfigRecord config, string kind, IEnumerable<ConnectorParameter> declared)
    {
        var names = declared.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return config.Values.Where(v => v.Kind == kind && names.Contains(v.Name))
            .ToDictionary(v => v.Name, v => v.IsSecret ? secrets.Unprotect(v.Value) : v.Value, StringComparer.Ordinal);
    }

    /// <summary>An environment's name and the stored configuration there (null when nothing was set), values still encrypted.</summary>
    private sealed record StoredConfig(string EnvironmentName, ConnectorConfigRecord? Config);
}
