namespace Patchbay.Core.Model;

/// <summary>
/// Retries of an Easy REST request on 429, 502, 503, 504 and network errors, with exponential backoff and
/// jitter, waiting what <c>Retry-After</c> asks when the server says. POST and PATCH are retried only where
/// the request was surely not processed: 429, 503, and connections that never opened.
/// </summary>
public sealed record RestRetry
{
    /// <summary>Attempts in all, the first one included.</summary>
    /// <value>3.</value>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the first retry; each next one doubles it.</summary>
    /// <value>1 second.</value>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, <c>Retry-After</c> included; a longer Retry-After ends the retries.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
}
