using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// Shows and changes the platform settings: merge semantics (a field not mentioned keeps its value, null clears
/// it), every field checked before anything is written, saved with its audit record, then applied to the runtime.
/// </summary>
public sealed partial class PlatformSettingsEditor(HubDb db, SecretProtector secrets, PlatformSettingsApplier applier, TimeProvider time)
{
    public const int MaxTimeoutSeconds = 3600;
    public const int MaxRetentionDays = 3650;

    private static readonly string[] Fields = ["proxy", "noProxy", "caCertificates", "defaultTimeoutSeconds", "retentionDays"];

    public async Task<PlatformSettingsView> GetAsync(CancellationToken cancellationToken) =>
        View(await db.PlatformSettings.AsNoTracking().SingleAsync(cancellationToken));

    public async Task<(PlatformSettingsView? View, IResult? Problem)> UpdateAsync(JsonObject? body, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var settings = await db.PlatformSettings.SingleAsync(cancellationToken);
        var errors = new List<ProblemError>();
        var changed = new List<string>();
        var currentProxy = settings.ProtectedProxy is null ? null : secrets.Unprotect(settings.ProtectedProxy);
        foreach (var (field, node) in body ?? [])
        {
            var path = "$." + field;
            switch (field)
            {
                case "proxy":
                    ReadProxy(node, path, currentProxy, settings, changed, errors);
                    break;
                case "noProxy":
                    ReadNoProxy(node, path, settings, changed, errors);
                    break;
                case "caCertificates":
                    ReadCaCertificates(node, path, settings, changed, errors);
                    break;
                case "defaultTimeoutSeconds":
                    settings.DefaultTimeoutSeconds = ReadNumber(node, path, MaxTimeoutSeconds, settings.DefaultTimeoutSeconds, changed, errors);
                    break;
                case "retentionDays":
                    settings.RetentionDays = ReadNumber(node, path, MaxRetentionDays, settings.RetentionDays, changed, errors);
                    break;
                default:
                    errors.Add(ProblemError.Field(path, $"Unknown field; the fields are {string.Join(", ", Fields)}."));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return (null, ApiProblems.Invalid("The platform settings were not changed.", errors));
        }

        if (changed.Count > 0)
        {
            settings.UpdatedAt = time.GetUtcNow();
            settings.UpdatedBy = caller.Name;
            AuditLog.Record(db, caller, "settings.update", "platform", new { changed }, time);
            await db.SaveChangesAsync(cancellationToken);
            if (changed.Any(f => f != "retentionDays"))
            {
                await applier.ApplyAsync(settings, cancellationToken);
            }
        }

        return (View(settings), null);
    }

    private void ReadProxy(JsonNode? node, string path, string? current, PlatformSettingsRecord settings, List<string> changed, List<ProblemError> errors)
    {
        if (node is null || (Text(node) is { } empty && empty.Trim().Length == 0))
        {
            if (current is not null)
            {
                settings.ProtectedProxy = null;
                changed.Add("proxy");
            }

            return;
        }

        if (Text(node) is not { } text)
        {
            errors.Add(ProblemError.Field(path, "A string (an absolute http(s) URL), or null for no proxy."));
            return;
        }

        text = text.Trim();
        if (current is not null && (text == current || text == ProxyText.Masked(new Uri(current))))
        {
            return; // the stored proxy, or its masked form as GET shows it: kept
        }

        if (ProxyText.Parse(text) is null)
        {
            // The text may hold credentials: the message does not repeat it.
            errors.Add(ProblemError.Field(path, "Not an absolute http(s) URL of a proxy (http://[user:password@]host:port, no path)."));
            return;
        }

        settings.ProtectedProxy = secrets.Protect(text);
        changed.Add("proxy");
    }

    private static void ReadNoProxy(JsonNode? node, string path, PlatformSettingsRecord settings, List<string> changed, List<ProblemError> errors)
    {
        var hosts = new List<string>();
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (Text(array[i]) is { } host && HostPattern().IsMatch(host.Trim()))
                {
                    hosts.Add(host.Trim());
                }
                else
                {
                    errors.Add(ProblemError.Field($"{path}[{i}]", "A host name or IP address, '.example.com' for a domain and its subdomains, or '*' for every host."));
                }
            }
        }
        else if (node is not null)
        {
            errors.Add(ProblemError.Field(path, "An array of host names, or null for none."));
            return;
        }

        var stored = hosts.Count == 0 ? null : string.Join(',', hosts.Distinct(StringComparer.OrdinalIgnoreCase));
        if (stored != settings.NoProxy)
        {
            settings.NoProxy = stored;
            changed.Add("noProxy");
        }
    }

    private static void ReadCaCertificates(JsonNode? node, string path, PlatformSettingsRecord settings, List<string> changed, List<ProblemError> errors)
    {
        string? pem = null;
        if (node is not null)
        {
            if (Text(node) is not { } text)
            {
                errors.Add(ProblemError.Field(path, "PEM text of one or more CA certificates, or null for none."));
                return;
            }

            pem = text.Trim().Length == 0 ? null : text.Trim() + "\n";
        }

        if (pem is not null && CaCertificates.Parse(pem).Error is { } error)
        {
            errors.Add(ProblemError.Field(path, error));
            return;
        }

        if (pem != settings.CaCertificatesPem)
        {
            settings.CaCertificatesPem = pem;
            changed.Add("caCertificates");
        }
    }

    private static int ReadNumber(JsonNode? node, string path, int max, int current, List<string> changed, List<ProblemError> errors)
    {
        if (node is not JsonValue value || !value.TryGetValue<int>(out var number) || number < 1 || number > max)
        {
            errors.Add(ProblemError.Field(path, $"A whole number from 1 to {max}."));
            return current;
        }

        if (number != current)
        {
            changed.Add(path[2..]);
        }

        return number;
    }

    private PlatformSettingsView View(PlatformSettingsRecord settings) => new(
        settings.ProtectedProxy is null ? null : ProxyText.Masked(new Uri(secrets.Unprotect(settings.ProtectedProxy))),
        settings.NoProxy?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        settings.CaCertificatesPem,
        CaCertificates.Summarize(settings.CaCertificatesPem),
        settings.DefaultTimeoutSeconds,
        settings.RetentionDays,
        settings.UpdatedAt,
        settings.UpdatedBy);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    // A host name or IPv4 address, optionally with a leading dot for a domain; or '*'.
    [GeneratedRegex(@"^(\*|\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$")]
    private static partial Regex HostPattern();
}
