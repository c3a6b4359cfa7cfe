using System.Globalization;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Polly;
using Polly.Retry;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// An action's <see cref="RestRetry"/> as a Polly retry pipeline: exponential backoff with jitter on 429, 502, 503,
/// 504 and network failures, <c>Retry-After</c> honoured (a longer one than <see cref="RestRetry.MaxDelay"/> ends the
/// retries), and POST and PATCH retried only where the request was surely not processed.
/// </summary>
internal static class RestRetries
{
    /// <summary>Runs <paramref name="send"/> once, or under the retry pipeline when the action asks for retries.</summary>
    public static async Task<RestReply> RunAsync(RestRetry? retry, string method, Func<CancellationToken, Task<RestReply>> send, TimeProvider time, InvocationCall call, CancellationToken cancellationToken)
    {
        if (retry is null || retry.MaxAttempts <= 1)
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }

        var pipeline = Build(retry, method, time, call);
        return await pipeline.ExecuteAsync(static async (send, token) => await send(token).ConfigureAwait(false), send, cancellationToken).ConfigureAwait(false);
    }

    private static ResiliencePipeline<RestReply> Build(RestRetry retry, string method, TimeProvider time, InvocationCall call)
    {
        var maxDelay = Clamp(retry.MaxDelay, TimeSpan.FromMilliseconds(1));
        var options = new RetryStrategyOptions<RestReply>
        {
            MaxRetryAttempts = retry.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = Clamp(retry.InitialDelay, TimeSpan.Zero),
            MaxDelay = maxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } reply && ShouldRetry(reply, method) && !(RetryAfter(reply, time) > maxDelay)),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } reply ? RetryAfter(reply, time) : null),
            OnRetry = args =>
            {
                if (call.Request.EnableLog)
                {
                    var reply = args.Outcome.Result!;
                    var what = reply.Failure is { } failure ? failure.Message : "HTTP " + reply.Status.ToString(CultureInfo.InvariantCulture);
                    call.Log("WARN", $"Attempt {args.AttemptNumber + 1} of {retry.MaxAttempts} failed ({what}); retrying in {args.RetryDelay.TotalMilliseconds:0} ms.");
                }

                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<RestReply> { TimeProvider = time }.AddRetry(options).Build();
    }

    /// <summary>429 and 503 say the request was not processed; 502, 504 and dropped connections may hide a processed one.</summary>
    public static bool ShouldRetry(RestReply reply, string method)
    {
        var unsafeToRepeat = method is "POST" or "PATCH";
        if (reply.Failure is { } failure)
        {
            return failure.Kind == NetworkFailureKind.Refused || (!unsafeToRepeat && failure.Kind is NetworkFailureKind.NotFound or NetworkFailureKind.Other);
        }

        return reply.Status is 429 or 503 || (!unsafeToRepeat && reply.Status is 502 or 504);
    }

    /// <summary>The wait <c>Retry-After</c> asks for (seconds or an HTTP date); null when the answer has none.</summary>
    public static TimeSpan? RetryAfter(RestReply reply, TimeProvider time)
    {
        var header = reply.Headers?.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan minimum) =>
        value < minimum ? minimum : value > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : value;
}
