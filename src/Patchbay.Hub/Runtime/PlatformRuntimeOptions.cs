using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Storage;
using Patchbay.Runtime;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Hub.Runtime;

/// <summary>
/// The one place that turns stored platform settings into the options a hub's runtime runs with: its own
/// folders and node, the settings, and the OAuth token store and lock shared by the hubs of a scale-out.
/// Startup and every later settings change go through it, so a reconfigured runtime never loses what the
/// first one had.
/// </summary>
public sealed class PlatformRuntimeOptions(HubOptions options, SecretProtector secrets, ITokenStore tokens, IConnectionLock connectionLock, IServiceScopeFactory scopes)
{
    /// <summary>The options for the settings stored now (at startup).</summary>
    public async Task<RuntimeOptions> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var settings = await db.PlatformSettings.AsNoTracking().SingleAsync(cancellationToken).ConfigureAwait(false);
        return For(settings);
    }

    /// <summary>The options for stored settings; the CA certificates are written to a file in the data folder, which the runtime reads.</summary>
    public RuntimeOptions For(PlatformSettingsRecord settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RuntimeOptions
        {
            NodePath = options.NodePath,
            WorkFolder = Path.Combine(options.DataFolder, "runtime"),
            DefaultTimeout = TimeSpan.FromSeconds(settings.DefaultTimeoutSeconds),
            Proxy = settings.ProtectedProxy is null ? null : new Uri(secrets.Unprotect(settings.ProtectedProxy)),
            NoProxy = settings.NoProxy?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            ExtraCaCertificatesFile = settings.CaCertificatesPem is { Length: > 0 } pem ? CaFile(pem) : null,
            TokenStore = tokens,
            ConnectionLock = connectionLock,
        };
    }

    /// <summary>
    /// A file named after the hash of its content: a changed PEM gets a new file, so a runtime still retiring
    /// keeps reading the old one, and hubs sharing a data folder write the same bytes to the same name.
    /// </summary>
    private string CaFile(string pem)
    {
        var bytes = Encoding.UTF8.GetBytes(pem);
        var folder = Path.Combine(options.DataFolder, DataFolderLayout.Platform);
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
