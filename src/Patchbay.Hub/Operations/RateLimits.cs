using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Api;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Per-key rate limits with ASP.NET Core's rate limiter: a token bucket per API key (anonymous and refused
/// callers: per IP address) refilled with <see cref="HubOptions.RateLimitPerSecond"/> tokens each second and
/// holding twice that. Over the limit: a 429 problem with <c>Retry-After</c>. Health endpoints are not limited.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddHubRateLimits(this IServiceCollection services, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RateLimitPerSecond <= 0)
        {
            return services;
        }

        return services.AddRateLimiter(r =>
        {
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsHealth(context)
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = 2 * options.RateLimitPerSecond,
                    TokensPerPeriod = options.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            r.OnRejected = RejectAsync;
        });
    }

    /// <summary>
    /// The limiter runs before authorization, so that callers with a bad key are limited too; it needs to know
    /// the key, so the request is authenticated here (the handler keeps the result: it runs once per request).
    /// </summary>
    public static IApplicationBuilder UseHubRateLimits(this IApplicationBuilder app, HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RateLimitPerSecond <= 0)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (!IsHealth(context) && await context.AuthenticateAsync() is { Succeeded: true } result)
            {
                context.User = result.Principal;
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsHealth(HttpContext context) => ApiPaths.IsHealth(context.Request.Path);

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirstValue(Caller.KeyIdClaim) is { } keyId
            ? "key:" + keyId
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Write(context, StatusCodesFor.TooManyRequests, $"Too many requests for this API key; try again in {seconds} s.");
    }
}
