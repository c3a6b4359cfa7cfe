using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Patchbay.Hub.Operations;

/// <summary>
/// OpenTelemetry traces (ASP.NET Core, HttpClient, the hub's invocations) and metrics (ASP.NET Core, the hub's
/// invocations, the runtime's worker restarts). They leave the process over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables configure the exporter).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The runtime's meter (worker restarts), defined in Patchbay.Runtime.</summary>
    public const string RuntimeMeter = "Patchbay.Runtime";

    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddMetrics();
        services.AddSingleton<HubTelemetry>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("patchbay-hub", serviceInstanceId: options.NodeName))
            .WithTracing(t => t
                .AddSource(HubTelemetry.Name)
                .AddAspNetCoreInstrumentation(a => a.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(HubTelemetry.Name, RuntimeMeter)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
