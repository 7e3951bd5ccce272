using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Infrastructure;

/// <summary>Keeps every log entry so tests can assert what was logged, and how often.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyCollection<LogEntry> Entries => entries;

    public int Count(int eventId) => entries.Count(e => e.EventId == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}

public sealed record LogEntry(LogLevel Level, int EventId, string Message, string? Exception = null);
