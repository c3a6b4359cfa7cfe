using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Api;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Runtime;
using Patchbay.Hub.Scaling;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Ui;

namespace Patchbay.Hub;

/// <summary>
/// Builds and starts the hub: the HTTP API over the storage and the runtime. <c>patchbay serve</c>, the
/// tests and the benchmarks all start it through <see cref="StartAsync"/>.
/// </summary>
public sealed class HubApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HubApp(WebApplication app, IReadOnlyList<Uri> addresses, string? createdAdminKey)
    {
        _app = app;
        Addresses = addresses;
        CreatedAdminKey = createdAdminKey;
    }

    /// <summary>Where the hub listens, with the real ports when port 0 was asked for.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The admin key created on this start (a new database and no key configured); shown once, never stored.</summary>
    public string? CreatedAdminKey { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Migrates the database, starts the runtime and starts listening.</summary>
    /// <param name="options">Where to listen and keep state.</param>
    /// <param name="configureLogging">Where logs go (the CLI: console; tests: a capture); null for the console.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<HubApp> StartAsync(HubOptions options, Action<ILoggingBuilder>? configureLogging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        DataFolderCheck.EnsureWritable(options.DataFolder);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = "Patchbay", ContentRootPath = AppContext.BaseDirectory });
        builder.UseStaticAssetManifests();
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        if (configureLogging is not null)
        {
            configureLogging(builder.Logging);
        }
        else if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(j => j.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(s => s.SingleLine = true);
        }

        ConfigureServices(builder.Services, options);
        var app = builder.Build();
        ConfigurePipeline(app);

        string? createdAdminKey;
        await using (await StartupLock.AcquireAsync(options, cancellationToken).ConfigureAwait(false))
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            createdAdminKey = await HubBootstrap.PrepareAsync(db, options, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            HubJobs.PrepareStorage(app.Services);
        }

        var runtimeOptions = await app.Services.GetRequiredService<PlatformRuntimeOptions>().ReadAsync(cancellationToken).ConfigureAwait(false);
        await app.Services.GetRequiredService<RuntimeHost>().StartAsync(runtimeOptions, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new HubApp(app, addresses, createdAdminKey);
    }

    /// <summary>Runs until the host is asked to stop (Ctrl+C, SIGTERM, or the token).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void ConfigureServices(IServiceCollection services, HubOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.Configure<JsonOptions>(j => HubJson.Configure(j.SerializerOptions));
        services.AddHubStorage(options);
        services.AddSingleton<RuntimeHost>();
        services.AddSingleton<PlatformRuntimeOptions>();
        services.AddHubAuthentication();
        services.AddHubFeatures(options);
        services.AddHubUi();
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseHubFeatures();
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery(); // keys, not cookies: no CSRF
        api.MapHubApi();
        app.MapHubUi();
    }
}
