using Microsoft.Extensions.Logging;

namespace Patchbay.Runtime;

/// <summary>The runtime's diagnostic log, for operators (connector LOG lines go to each invocation instead).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Started worker {ProcessId} for {ConnectorRoot}")]
    public static partial void WorkerStarted(ILogger logger, int processId, string connectorRoot);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Worker {ProcessId} stopped: {Reason}")]
    public static partial void WorkerStopped(ILogger logger, int processId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Worker {ProcessId} was unresponsive and was killed")]
    public static partial void WorkerHung(ILogger logger, int processId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Worker {ProcessId}: {Line}")]
    public static partial void WorkerStderr(ILogger logger, int processId, string line);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Worker {ProcessId}: its memory outside the V8 heap could not be limited on this platform; only the heap cap applies")]
    public static partial void MemoryNotLimited(ILogger logger, int processId);
}
