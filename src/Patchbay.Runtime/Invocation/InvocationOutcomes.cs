namespace Patchbay.Runtime.Invocation;

/// <summary>
/// The one table from outcome to Bizagi's <c>connectorstatuscode</c> and to whether retrying may help
/// (docs/errors.md). Outcomes the connector produced keep the code it returned.
/// </summary>
public static class InvocationOutcomes
{
    /// <summary>The status code Patchbay gives a failure it detected itself; null where the connector's own code is kept.</summary>
    public static int? StatusCode(InvocationOutcome outcome) => outcome switch
    {
        InvocationOutcome.InvalidInput or InvocationOutcome.UnknownAction => -400,
        InvocationOutcome.Timeout => -408,
        InvocationOutcome.WorkerCrashed => -502,
        InvocationOutcome.WorkerHung => -504,
        InvocationOutcome.WorkerUnavailable => -503,
        _ => null,
    };

    /// <summary>The error name in <c>response.outputs.error.error</c> of a platform-made envelope.</summary>
    public static string ErrorName(InvocationOutcome outcome) => outcome switch
    {
        InvocationOutcome.InvalidInput => "INVALID_INPUT",
        InvocationOutcome.UnknownAction => "UNKNOWN_ACTION",
        InvocationOutcome.Timeout => "TIMEOUT",
        InvocationOutcome.WorkerCrashed => "WORKER_CRASHED",
        InvocationOutcome.WorkerHung => "WORKER_HUNG",
        InvocationOutcome.WorkerUnavailable => "WORKER_UNAVAILABLE",
        _ => "CONNECTOR_ERROR",
    };

    /// <summary>Whether retrying may help; for <see cref="InvocationOutcome.RemoteHttpError"/> that depends on the status (408, 429, 5xx).</summary>
    public static bool IsTransient(InvocationOutcome outcome, int statusCode) =>
        outcome == InvocationOutcome.RemoteHttpError ? statusCode is 408 or 429 or >= 500 : IsTransient(outcome);

    public static bool IsTransient(InvocationOutcome outcome) => outcome is
        InvocationOutcome.RemoteUnreachable or InvocationOutcome.AuthenticationUnavailable or InvocationOutcome.Timeout or InvocationOutcome.WorkerCrashed or InvocationOutcome.WorkerHung or InvocationOutcome.WorkerUnavailable;
}
