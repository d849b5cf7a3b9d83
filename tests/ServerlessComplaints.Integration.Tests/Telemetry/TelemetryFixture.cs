using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.Telemetry;

/// <summary>
/// The local service with its telemetry switched on by in-memory exporters (the service's own registration, sources
/// and processors; only the exporter is the test's): spans, metric snapshots and log records, read back by the tests.
/// </summary>
public sealed class TelemetryFixture : LocalServiceFixture
{
    public Captured<Activity> Spans { get; } = new();

    public Captured<MetricSnapshot> Metrics { get; } = new();

    public Captured<CapturedLog> Logs { get; } = new();

    // The app's own Information logs (the intake line) as well as the warnings the base fixture keeps.
    protected override IEnumerable<string> ExtraArguments => ["--Logging:LogLevel:ServerlessComplaints", "Information"];

    protected override Action<OpenTelemetryBuilder> TelemetryExporters => builder => builder
        .WithTracing(t => t.AddInMemoryExporter(Spans))
        .WithMetrics(m => m.AddInMemoryExporter(Metrics))
        .WithLogging(l => l.AddProcessor(new LogCapture(Logs)));

    /// <summary>Collects the metrics now (the periodic reader would wait a minute).</summary>
    public void FlushMetrics() => Service.App.Services.GetRequiredService<MeterProvider>().ForceFlush();

    /// <summary>A list the exporters add to from their threads while a test reads it.</summary>
    public sealed class Captured<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count { get { lock (_items) { return _items.Count; } } }

        public bool IsReadOnly => false;

        public IReadOnlyList<T> Snapshot() { lock (_items) { return [.. _items]; } }

        public void Add(T item) { lock (_items) { _items.Add(item); } }

        public void Clear() { lock (_items) { _items.Clear(); } }

        public bool Contains(T item) { lock (_items) { return _items.Contains(item); } }

        public void CopyTo(T[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }

        public bool Remove(T item) { lock (_items) { return _items.Remove(item); } }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A log record's content, copied as it is emitted (the SDK reuses its LogRecord instances).</summary>
    public sealed record CapturedLog(string? Category, ActivityTraceId TraceId, ActivitySpanId SpanId, string? Message, IReadOnlyList<string> Values);

    private sealed class LogCapture(Captured<CapturedLog> logs) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            var values = (data.Attributes ?? []).Select(a => $"{a.Key}={Text(a.Value)}").ToList();
            data.ForEachScope(
                (scope, list) =>
                {
                    foreach (var value in scope)
                    {
                        list.Add($"{value.Key}={Text(value.Value)}");
                    }
                },
                values);
            if (data.Exception is { } exception)
            {
                values.Add(exception.ToString());
            }

            logs.Add(new CapturedLog(data.CategoryName, data.TraceId, data.SpanId, data.FormattedMessage ?? data.Body, values));
        }

        private static string? Text(object? value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
    }
}
