namespace Patchbay.Runtime.Node;

/// <summary>Node.js is missing or too old: the runtime cannot start any worker.</summary>
public sealed class NodeUnavailableException : Exception
{
    public NodeUnavailableException()
    {
    }

    public NodeUnavailableException(string message)
        : base(message)
    {
    }

    public NodeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
