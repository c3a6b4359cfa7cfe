using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Runs this hub's Hangfire server (the workers of async jobs and callbacks) and registers the recurring jobs:
/// the hourly retention purge and the callback sweep every minute. Nothing here touches Hangfire's static
/// configuration, so several hubs can share a process.
/// </summary>
public sealed class JobServerHost(JobStorage storage, IRecurringJobManager recurring, IServiceScopeFactory scopes, StorageRetries storageRetries, HubOptions options) : IHostedService, IAsyncDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<RetentionPurge>(RetentionPurge.RecurringJobId, p => p.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<CallbackSweep>(CallbackSweep.RecurringJobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = options.NodeName,
                WorkerCount = Math.Max(1, options.JobWorkers),
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                Activator = new AspNetCoreJobActivator(scopes),
                FilterProvider = storageRetries.WithGlobalFilters(),
            },
            storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            _server.SendStop();
            await _server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _server = null;
        return ValueTask.CompletedTask;
    }
}
