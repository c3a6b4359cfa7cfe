using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        return From(settings, options).WithSharedTokens(services); // OAuth tokens in the database, shared by the hubs of a scale-out
    }

    // The proxy and CAs of the stored settings are applied by the configuration feature (Configuration/).
    public static RuntimeOptions From(PlatformSettingsRecord settings, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        return new RuntimeOptions
        {
            NodePath = options.NodePath,
            WorkFolder = Path.Combine(options.DataFolder, "runtime"),
            DefaultTimeout = TimeSpan.FromSeconds(settings.DefaultTimeoutSeconds),
        };
    }
}
