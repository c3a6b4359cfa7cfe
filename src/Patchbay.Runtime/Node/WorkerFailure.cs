namespace Patchbay.Runtime.Node;

/// <summary>Why a worker could not answer: it died, it hung and was killed, or it never started.</summary>
internal sealed class WorkerFailureException(WorkerFailureKind kind, string message) : Exception(message)
{
    public WorkerFailureKind Kind { get; } = kind;
}

internal enum WorkerFailureKind
{
    Crashed,
    Hung,
    Unavailable,
}
