using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Patchbay.Hub.Jobs;

/// <summary>Registers the async job engine (Hangfire) of a hub. There is no Hangfire dashboard: the API's job status is the view.</summary>
public static class HubJobs
{
    public static IServiceCollection AddHubJobs(this IServiceCollection services, HubOptions options)
    {
        services.AddSingleton(_ => JobStorageFactory.Create(options));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<JobAttemptGuard>();
        services.AddSingleton<StorageRetries>();
        services.AddScoped<JobStatusReader>();
        services.AddScoped<InvocationJob>();
        services.AddScoped<CallbackJob>();
        services.AddScoped<RetentionPurge>();
        services.AddScoped<CallbackHandOff>();
        services.AddScoped<CallbackSweep>();
        services.AddSingleton<CallbackProxy>();
        // Through the platform proxy; a redirect would lead around the allowed callback hosts, so it is a failed delivery.
        services.AddHttpClient(CallbackJob.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler { Proxy = sp.GetRequiredService<CallbackProxy>(), UseProxy = true, AllowAutoRedirect = false });
        services.AddHostedService<JobServerHost>();
        return services;
    }

    /// <summary>Makes Hangfire's storage now, which installs or upgrades its schema (PostgreSQL) or file (SQLite), so a hub does it under the start-up lock.</summary>
    public static void PrepareStorage(IServiceProvider services) => _ = services.GetRequiredService<JobStorage>();
}
