namespace Patchbay.Runtime.Invocation;

/// <summary>What happened to an invocation, as one closed set; <see cref="InvocationOutcomes"/> maps each to its status code.</summary>
public enum InvocationOutcome
{
    Succeeded,
    ConnectorReportedFailure,
    InvalidInput,
    UnknownAction,
    AuthenticationFailed,
    Timeout,
    WorkerCrashed,
    WorkerHung,
    WorkerUnavailable,
}
