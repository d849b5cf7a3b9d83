using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// Counts the Durable Task backend's log events by name (MessageGone — "message no longer exists" —, DuplicateMessageDetected,
/// AbandoningMessage, …) and keeps the first few lines of each warning, so a run can show what the engine saw.
/// </summary>
/// <param name="keepAll">Keeps every event line too (Information and up), to show afterwards what the engine did with one instance.</param>
/// <param name="node">Names this node in the kept lines.</param>
internal sealed class EngineLogCounter(bool keepAll = false, string node = "") : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _samples = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly ConcurrentQueue<string> _all = new();

    /// <summary>Every warning, in order (written to a file after the run for the evidence).</summary>
    public IEnumerable<string> Warnings => _warnings;

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public IEnumerable<string> Samples => _samples;

    public int Count(string name) => _counts.GetValueOrDefault(name);

    /// <summary>With keepAll, every kept line that mentions <paramref name="text"/> (an instance id), in order.</summary>
    public IEnumerable<string> LinesWith(string text) => _all.Where(l => l.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string category, LogLevel level, EventId id, string message)
    {
        var name = string.IsNullOrEmpty(id.Name) ? $"{category}#{id.Id}" : id.Name;
        var count = _counts.AddOrUpdate(name, 1, (_, n) => n + 1);
        if (keepAll)
        {
            _all.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {node} {level} {name}: {message}");
        }

        if (level >= LogLevel.Warning)
        {
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {level} {name}: {message}";
            _warnings.Enqueue(line);
            if (count <= 3)
            {
                _samples.Enqueue(line);
            }
        }
    }

    private sealed class Counter(EngineLogCounter owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && category.StartsWith("DurableTask", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // The backend's structured fields (Details names the caller: RenewMessageAsync, DeleteMessageAsync, …).
                var details = state is IReadOnlyList<KeyValuePair<string, object?>> fields
                    ? string.Concat(fields.Where(f => f.Key is "Details" or "PartitionId" or "DequeueCount" or "PopReceipt").Select(f => $" {f.Key}={f.Value}"))
                    : "";
                owner.Add(category, logLevel, eventId, formatter(state, exception) + details);
            }
        }
    }
}
