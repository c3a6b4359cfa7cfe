using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Operations;

/// <summary>
/// Admission control for invocations on this hub node: at most <see cref="HubOptions.InvocationConcurrency"/>
/// run at once and up to <see cref="HubOptions.InvocationQueueLimit"/> more wait, oldest first. Beyond that the
/// hub answers a 503 problem with <c>Retry-After</c> at once, so an overloaded hub says so instead of answering
/// ever later and holding ever more requests in memory. Endpoints opt in with <c>.AdmitInvocations()</c>.
/// </summary>
public sealed class InvocationAdmission : IAsyncDisposable
{
    /// <summary>The <c>Retry-After</c> of a refusal: the queue is full now, and a second frees most of it at the rates this hub serves.</summary>
    public const int RetryAfterSeconds = 1;

    private readonly ConcurrencyLimiter? _limiter;

    public InvocationAdmission(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limiter = options.InvocationConcurrency <= 0 ? null : new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.InvocationConcurrency,
            QueueLimit = Math.Max(0, options.InvocationQueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Runs the endpoint behind the limit: the permit is held while the handler runs (the invocation and its record, or the job's save); the answer is written after.</summary>
    public async ValueTask<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (_limiter is null)
        {
            return await next(context);
        }

        using var lease = await _limiter.AcquireAsync(1, context.HttpContext.RequestAborted);
        if (!lease.IsAcquired)
        {
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.Problem(StatusCodesFor.ServiceUnavailable, $"The hub is running as many invocations as it accepts; try again in {RetryAfterSeconds} s.");
        }

        return await next(context);
    }

    public ValueTask DisposeAsync() => _limiter?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>
/// <c>api.MapPost(...).AdmitInvocations()</c> puts an invocation endpoint behind <see cref="InvocationAdmission"/>
/// and marks it so that its OpenAPI operation lists the 503.
/// </summary>
public static class InvocationAdmissionExtensions
{
    public static RouteHandlerBuilder AdmitInvocations(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<InvocationAdmission>().RunAsync(context, next))
            .WithMetadata(new AdmittedInvocation());
    }
}

/// <summary>Marks an endpoint behind <see cref="InvocationAdmission"/>, so that its OpenAPI operation lists the 503.</summary>
public sealed class AdmittedInvocation;
