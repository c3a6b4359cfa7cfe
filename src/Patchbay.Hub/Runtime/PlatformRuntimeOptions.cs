using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Scaling;
using Patchbay.Hub.Storage;
using Patchbay.Runtime;

namespace Patchbay.Hub.Runtime;

/// <summary>The runtime options a hub runs with: its own folders and node, plus the stored platform settings.</summary>
public static class PlatformRuntimeOptions
{
    public static async Task<RuntimeOptions> ReadAsync(IServiceProvider services, HubOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var settings = await db.PlatformSettings.AsNoTracking().FirstAsync(cancellationToken).ConfigureAwait(false);
        return From(settings, options, scope.ServiceProvider.GetRequiredService<SecretProtector>()).WithSharedTokens(services); // OAuth tokens in the database, shared by the hubs of a scale-out
    }

    /// <summary>The options for stored settings; the CA certificates are written to a file in the data folder, which the runtime reads.</summary>
    public static RuntimeOptions From(PlatformSettingsRecord settings, HubOptions options, SecretProtector secrets)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        return new RuntimeOptions
        {
            NodePath = options.NodePath,
            WorkFolder = Path.Combine(options.DataFolder, "runtime"),
            DefaultTimeout = TimeSpan.FromSeconds(settings.DefaultTimeoutSeconds),
            Proxy = settings.ProtectedProxy is null ? null : new Uri(secrets.Unprotect(settings.ProtectedProxy)),
            NoProxy = settings.NoProxy?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            ExtraCaCertificatesFile = settings.CaCertificatesPem is { Length: > 0 } pem ? CaFile(options, pem) : null,
        };
    }

    /// <summary>
    /// A file named after the hash of its content: a changed PEM gets a new file, so a runtime still retiring
    /// keeps reading the old one, and hubs sharing a data folder write the same bytes to the same name.
    /// </summary>
    private static string CaFile(HubOptions options, string pem)
    {
        var bytes = Encoding.UTF8.GetBytes(pem);
        var folder = Path.Combine(options.DataFolder, "platform");
        var file = Path.Combine(folder, $"ca-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}.pem");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(folder);
            var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, file, overwrite: true);
        }

        return file;
    }
}
