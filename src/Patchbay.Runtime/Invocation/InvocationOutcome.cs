namespace Patchbay.Runtime.Invocation;

/// <summary>What happened to an invocation, as one closed set; <see cref="InvocationOutcomes"/> maps each to its status code.</summary>
public enum InvocationOutcome
{
    Succeeded,
    ConnectorReportedFailure,
    InvalidInput,
    UnknownAction,
    AuthenticationFailed,

    /// <summary>Easy REST: the API answered with a status outside 2xx; the code is that status, as in Bizagi.</summary>
    RemoteHttpError,

    /// <summary>Easy REST: no answer came (name not resolved, connection refused or reset); a refused TLS certificate is a <see cref="ConnectorReportedFailure"/>.</summary>
    RemoteUnreachable,

    /// <summary>A built-in authenticator could not reach its token endpoint, or it answered 5xx.</summary>
    AuthenticationUnavailable,
    Timeout,
    WorkerCrashed,
    WorkerHung,
    WorkerUnavailable,
}
