using Microsoft.Extensions.Logging;

namespace Patchbay.Hub.Operations;

/// <summary>The hub's request log, for operators.</summary>
internal static partial class OperationsLog
{
    /// <summary>Route is the endpoint's template (never the raw path or query, which may carry secrets); Key is the key's name.</summary>
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {DurationMs:0.0} ms for {Key}")]
    public static partial void Request(ILogger logger, string method, string route, int statusCode, double durationMs, string key);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "An API request failed unexpectedly (request id {RequestId})")]
    public static partial void Unexpected(ILogger logger, Exception exception, string requestId);
}
