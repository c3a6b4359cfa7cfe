using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Patchbay.Core.Model;
using Patchbay.Hub.Api;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// Shows and changes the configuration of a connector major version in an environment. A change merges into what
/// is stored (a parameter not mentioned keeps its value, null removes it, also one the current version no longer
/// declares; the mask keeps a stored secret), is
/// checked completely before anything is written, and is saved with its audit record in one SaveChanges.
/// </summary>
public sealed class ConnectorConfigEditor(HubDb db, ConnectorCatalog catalog, SecretProtector secrets, TimeProvider time)
{
    public const int MaxTimeoutSeconds = 3600;

    private static readonly string[] TopLevelFields = ["timeoutSeconds", "loggingEnabled", "connectorParameters", "authenticationParameters"];

    public async Task<(ConnectorConfigView? View, IResult? Problem)> GetAsync(string connectorName, int major, string environmentName, CancellationToken cancellationToken)
    {
        var (target, problem) = await FindAsync(connectorName, major, environmentName, tracked: false, cancellationToken);
        return target is null ? (null, problem) : (await ViewAsync(target, cancellationToken), null);
    }

    public async Task<(ConnectorConfigView? View, IResult? Problem)> UpdateAsync(string connectorName, int major, string environmentName, JsonObject? body, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (target, problem) = await FindAsync(connectorName, major, environmentName, tracked: true, cancellationToken);
        if (target is null)
        {
            return (null, problem);
        }

        var errors = new List<ProblemError>();
        var change = Read(body ?? [], target, errors);
        if (errors.Count > 0)
        {
            return (null, ApiProblems.Invalid($"The configuration of {target.Connector.Name} {target.Connector.Version} in {target.Environment.Name} was not changed.", errors));
        }

        var config = target.Config ?? db.ConnectorConfigs.Add(new ConnectorConfigRecord
        {
            Id = Guid.CreateVersion7(),
            ConnectorId = target.Connector.ConnectorId,
            Major = major,
            EnvironmentKey = target.Environment.NameKey,
            UpdatedBy = caller.Name,
        }).Entity;
        var changed = Apply(change, config);
        if (changed.Count > 0)
        {
            config.UpdatedAt = time.GetUtcNow();
            config.UpdatedBy = caller.Name;
            AuditLog.Record(db, caller, "config.update", $"{target.Connector.Name} {major} {target.Environment.Name}", new { version = target.Connector.Version, changed }, time);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return (null, ApiProblems.Conflict("The configuration was changed by another request at the same time; read it again and retry."));
            }
        }

        return (await ViewAsync(target with { Config = config }, cancellationToken), null);
    }

    private async Task<(Target? Target, IResult? Problem)> FindAsync(string connectorName, int major, string environmentName, bool tracked, CancellationToken cancellationToken)
    {
        var connector = await catalog.GetCurrentAsync(connectorName, major, cancellationToken);
        if (connector is null)
        {
            return (null, ApiProblems.NotFound($"No connector '{connectorName}' with major version {major} is installed."));
        }

        var key = environmentName.ToLowerInvariant();
        var environment = await db.Environments.AsNoTracking().FirstOrDefaultAsync(e => e.NameKey == key, cancellationToken);
        if (environment is null)
        {
            return (null, ApiProblems.NotFound($"There is no environment '{environmentName}'."));
        }

        var configs = tracked ? db.ConnectorConfigs : db.ConnectorConfigs.AsNoTracking();
        var config = await configs.Include(c => c.Values)
            .FirstOrDefaultAsync(c => c.ConnectorId == connector.ConnectorId && c.Major == major && c.EnvironmentKey == key, cancellationToken);
        return (new Target(connector, environment, config), null);
    }

    /// <summary>Checks the whole body against the declared parameters, naming the place of each error; returns what to change.</summary>
    private static Change Read(JsonObject body, Target target, List<ProblemError> errors)
    {
        var change = new Change();
        foreach (var (field, node) in body)
        {
            if (!TopLevelFields.Contains(field, StringComparer.Ordinal))
            {
                errors.Add(ProblemError.Field(PathOf(body, field), $"Unknown field; the fields are {string.Join(", ", TopLevelFields)}."));
                continue;
            }

            switch (field)
            {
                case "timeoutSeconds":
                    change.TimeoutMentioned = true;
                    if (node is not null && !(node is JsonValue v && v.TryGetValue<int>(out var seconds) && seconds is >= 1 and <= MaxTimeoutSeconds))
                    {
                        errors.Add(ProblemError.Field(PathOf(body, field), $"A whole number of seconds from 1 to {MaxTimeoutSeconds}, or null for the platform default."));
                    }
                    else
                    {
                        change.TimeoutSeconds = node?.GetValue<int>();
                    }

                    break;
                case "loggingEnabled":
                    if (node is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    {
                        change.LoggingEnabled = flag.GetValue<bool>();
                    }
                    else
                    {
                        errors.Add(ProblemError.Field(PathOf(body, field), "true or false."));
                    }

                    break;
                default:
                    var kind = field == "connectorParameters" ? ConfigResolver.ConnectorKind : ConfigResolver.AuthenticationKind;
                    var declared = kind == ConfigResolver.ConnectorKind ? target.Connector.Package.Definition.Parameters : target.Connector.Package.Definition.Authentication.Parameters;
                    ReadValues(node, PathOf(body, field), kind, declared, target, change, errors);
                    break;
            }
        }

        return change;
    }

    private static void ReadValues(JsonNode? node, string path, string kind, IEnumerable<ConnectorParameter> declared, Target target, Change change, List<ProblemError> errors)
    {
        if (node is not JsonObject values)
        {
            errors.Add(ProblemError.Field(path, "An object of parameter names and their values (a string, or null to remove the value)."));
            return;
        }

        foreach (var (name, value) in values)
        {
            var place = PathOf(values, name);
            var parameter = declared.FirstOrDefault(p => p.Name == name);
            if (parameter is null && Stored(target.Config, kind, name) is { } stale)
            {
                ReadStale(value, stale, place, target, change, errors);
                continue;
            }

            if (parameter is null)
            {
                errors.Add(ProblemError.Field(place, $"No such parameter in {target.Connector.Name} {target.Connector.Version}; it declares {Names(declared)}."));
                continue;
            }

            if (value is null)
            {
                change.Values[(kind, name)] = null;
                continue;
            }

            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(ProblemError.Field(place, "A string, or null to remove the value."));
                continue;
            }

            var given = text.GetValue<string>();
            if (parameter.PasswordMode && given == SecretProtector.Mask)
            {
                // The mask as shown by GET: keep the stored secret, so a UI can send back what it read.
                if (Stored(target.Config, kind, name) is null)
                {
                    errors.Add(ProblemError.Field(place, "This is the mask shown for a stored secret, but none is stored; send the value itself."));
                }

                continue;
            }

            if (parameter.AllowedValues.Count > 0 && !parameter.AllowedValues.Contains(given, StringComparer.Ordinal))
            {
                // A password parameter's value is not repeated in the message.
                var shown = parameter.PasswordMode ? "The value" : $"'{given}'";
                errors.Add(ProblemError.Field(place, $"{shown} is not one of the allowed values: {string.Join(", ", parameter.AllowedValues)}."));
                continue;
            }

            change.Values[(kind, name)] = new NewValue(given, parameter.PasswordMode);
        }
    }

    /// <summary>
    /// A value stored for a parameter that only an earlier version declared: null removes it, the value as GET shows
    /// it (the mask for a secret) keeps it, so a form can send back what it read; anything else is refused.
    /// </summary>
    private static void ReadStale(JsonNode? value, ParameterValueRecord stale, string place, Target target, Change change, List<ProblemError> errors)
    {
        if (value is null)
        {
            change.Values[(stale.Kind, stale.Name)] = null;
            return;
        }

        var shown = stale.IsSecret ? SecretProtector.Mask : stale.Value;
        if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>() != shown)
        {
            errors.Add(ProblemError.Field(place, $"{target.Connector.Name} {target.Connector.Version} no longer declares this parameter; send null to remove its stored value."));
        }
    }

    /// <summary>Applies a checked change to the tracked record; returns the names of what changed (never values).</summary>
    private List<string> Apply(Change change, ConnectorConfigRecord config)
    {
        var changed = new List<string>();
        if (change.TimeoutMentioned && change.TimeoutSeconds != config.TimeoutSeconds)
        {
            config.TimeoutSeconds = change.TimeoutSeconds;
            changed.Add("timeoutSeconds");
        }

        if (change.LoggingEnabled is { } logging && logging != config.LoggingEnabled)
        {
            config.LoggingEnabled = logging;
            changed.Add("loggingEnabled");
        }

        foreach (var ((kind, name), value) in change.Values)
        {
            var stored = Stored(config, kind, name);
            var label = (kind == ConfigResolver.ConnectorKind ? "connectorParameters." : "authenticationParameters.") + name;
            if (value is null)
            {
                if (stored is not null)
                {
                    config.Values.Remove(stored);
                    db.ParameterValues.Remove(stored);
                    changed.Add(label);
                }

                continue;
            }

            if (stored is not null && stored.IsSecret == value.Secret && Plain(stored) == value.Text)
            {
                continue;
            }

            var text = value.Secret ? secrets.Protect(value.Text) : value.Text;
            if (stored is null)
            {
                config.Values.Add(new ParameterValueRecord { Id = Guid.CreateVersion7(), ConfigId = config.Id, Kind = kind, Name = name, Value = text, IsSecret = value.Secret });
            }
            else
            {
                stored.Value = text;
                stored.IsSecret = value.Secret;
            }

            changed.Add(label);
        }

        return changed;
    }

    private async Task<ConnectorConfigView> ViewAsync(Target target, CancellationToken cancellationToken)
    {
        var definition = target.Connector.Package.Definition;
        var defaultTimeout = await db.PlatformSettings.AsNoTracking().Select(s => s.DefaultTimeoutSeconds).SingleAsync(cancellationToken);
        var missing = new List<string>();
        var connectorValues = Views(definition.Parameters, ConfigResolver.ConnectorKind, "connectorParameters", target.Config, missing);
        var authenticationValues = Views(definition.Authentication.Parameters, ConfigResolver.AuthenticationKind, "authenticationParameters", target.Config, missing);
        return new ConnectorConfigView(
            target.Connector.Name,
            target.Connector.Major,
            target.Connector.Version,
            target.Environment.Name,
            target.Config?.TimeoutSeconds,
            defaultTimeout,
            target.Config?.LoggingEnabled ?? false,
            connectorValues,
            authenticationValues,
            missing);
    }

    private static List<ParameterValueView> Views(IEnumerable<ConnectorParameter> declared, string kind, string label, ConnectorConfigRecord? config, List<string> missing)
    {
        var views = new List<ParameterValueView>();
        foreach (var parameter in declared)
        {
            var stored = Stored(config, kind, parameter.Name);
            // Secrets are shown as the mask whatever is stored: never the value, never the ciphertext.
            var value = stored is null ? null : parameter.PasswordMode || stored.IsSecret ? SecretProtector.Mask : stored.Value;
            var hasValue = stored is not null && stored.Value.Length > 0;
            if (parameter.Required && !hasValue && parameter.DefaultValue.Length == 0)
            {
                missing.Add($"{label}.{parameter.Name}");
            }

            views.Add(new ParameterValueView(
                parameter.Name,
                parameter.Required,
                parameter.PasswordMode,
                value,
                stored is not null,
                parameter.DefaultValue.Length > 0 && !parameter.PasswordMode ? parameter.DefaultValue : null,
                parameter.AllowedValues.Count > 0 ? [.. parameter.AllowedValues] : null,
                InDefinition: true));
        }

        // Values stored for parameters the current version no longer declares: shown (secrets masked) so they can be removed.
        var names = declared.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (config?.Values ?? []).Where(v => v.Kind == kind && !names.Contains(v.Name)).OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            views.Add(new ParameterValueView(stale.Name, false, stale.IsSecret, stale.IsSecret ? SecretProtector.Mask : stale.Value, true, null, null, InDefinition: false));
        }

        return views;
    }

    private string Plain(ParameterValueRecord stored) => stored.IsSecret ? secrets.Unprotect(stored.Value) : stored.Value;

    private static ParameterValueRecord? Stored(ConnectorConfigRecord? config, string kind, string name) =>
        config?.Values.FirstOrDefault(v => v.Kind == kind && v.Name == name);

    private static string Names(IEnumerable<ConnectorParameter> declared)
    {
        var names = declared.Select(p => p.Name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>The JSON path of a member, as the request's own node reports it: <c>$.connectorParameters.token</c>, <c>$.connectorParameters['a b']</c>.</summary>
    private static string PathOf(JsonObject parent, string name) =>
        parent[name]?.GetPath() ?? (parent.GetPath() == "$" ? "$." : parent.GetPath() + ".") + name;

    private sealed record Target(InstalledConnector Connector, EnvironmentRecord Environment, ConnectorConfigRecord? Config);

    private sealed record NewValue(string Text, bool Secret);

    private sealed class Change
    {
        public bool TimeoutMentioned { get; set; }

        public int? TimeoutSeconds { get; set; }

        public bool? LoggingEnabled { get; set; }

        /// <summary>Per (kind, name): the new value, or null to remove it.</summary>
        public Dictionary<(string Kind, string Name), NewValue?> Values { get; } = [];
    }
}
