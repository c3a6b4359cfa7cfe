namespace Patchbay.Runtime.Invocation;

/// <summary>What happened to an invocation, as one closed set; <see cref="InvocationOutcomes"/> maps each to its status code.</summary>
public enum InvocationOutcome
{
    Succeeded,
    ConnectorReportedFailure,
    InvalidInput,
    UnknownAction,
    AuthenticationFailed,

    /// <summary>A built-in authenticator could not reach its token endpoint, or it answered 5xx.</summary>
    AuthenticationUnavailable,
    Timeout,
    WorkerCrashed,
    WorkerHung,
    WorkerUnavailable,
}
