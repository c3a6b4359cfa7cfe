using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>A logger factory that keeps every message, for asserting on the diagnostic log.</summary>
internal sealed class CollectingLoggerFactory : ILoggerFactory, ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue((logLevel, formatter(state, exception)));

    public void Dispose()
    {
    }
}
