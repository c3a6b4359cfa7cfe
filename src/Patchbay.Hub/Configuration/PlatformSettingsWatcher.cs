using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// Picks up platform settings another hub of a scale-out saved: every <see cref="Interval"/> it reads when the
/// settings last changed and reconfigures this hub's runtime if that is not what it runs with.
/// </summary>
public sealed partial class PlatformSettingsWatcher(IServiceScopeFactory scopes, PlatformSettingsApplier applier, TimeProvider time, ILogger<PlatformSettingsWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CheckFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Reconfigures the runtime when the stored settings changed since they were last applied. The first check
    /// only notes them: the runtime started with the settings read just before this service started.
    /// </summary>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        var settings = await ReadAsync(cancellationToken);
        if (applier.AppliedAt is null)
        {
            applier.StartedWith(settings.UpdatedAt);
        }
        else if (settings.UpdatedAt != applier.AppliedAt)
        {
            await applier.ApplyAsync(settings, cancellationToken);
        }
    }

    private async Task<PlatformSettingsRecord> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDb>().PlatformSettings.AsNoTracking().SingleAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not check the platform settings for changes; will try again")]
    private static partial void CheckFailed(ILogger logger, Exception exception);
}
