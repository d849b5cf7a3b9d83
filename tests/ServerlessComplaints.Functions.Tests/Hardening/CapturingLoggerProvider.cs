using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>
/// Records everything a provider would see of each entry — category, message, every state value, every active scope
/// and the exception text — as one line, so a test can search all of it.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            foreach (var (key, value) in state as IEnumerable<KeyValuePair<string, object?>> ?? [])
            {
                line.Append($" | {key}={value}");
            }

            owner._scopes.ForEachScope((scope, text) => text.Append($" | scope {scope}"), line);
            line.Append(exception is null ? "" : " | exception " + exception);
            owner._lines.Enqueue(line.ToString());
        }
    }
}
