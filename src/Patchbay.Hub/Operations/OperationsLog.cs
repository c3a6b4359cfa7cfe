using Microsoft.Extensions.Logging;

namespace Patchbay.Hub.Operations;

/// <summary>The hub's request log, for operators.</summary>
internal static partial class OperationsLog
{
    /// <summary>Route is the endpoint's template (never the raw path or query, which may carry secrets); Key is the key's name.</summary>
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {DurationMs:0.0} ms for {Key}")]
    public static partial void Request(ILogger logger, string method, string route, int statusCode, double durationMs, string key);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "A request failed unexpectedly (request id {RequestId})")]
    public static partial void Unexpected(ILogger logger, Exception exception, string requestId);

    /// <summary>A request, or an open page of the UI, could not read or store what it needed (<c>Storage/StorageFaults</c>).</summary>
    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Storage fault, answered {StatusCode}: {Detail}")]
    public static partial void StorageFault(ILogger logger, Exception exception, int statusCode, string detail);
}
