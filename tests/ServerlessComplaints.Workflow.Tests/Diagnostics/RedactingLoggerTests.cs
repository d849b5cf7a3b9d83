using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Workflow.Tests.Diagnostics;

/// <summary>What the inner logger receives through <see cref="RedactingLogger"/>.</summary>
public sealed class RedactingLoggerTests
{
    private const string Token = "k1.eyJ0biI6IkNNUCJ9.Secret";

    private readonly RecordingLogger _inner = new();

    [Fact]
    public void Log_StructuredStateWithTokenUrl_MessageAndValuesMasked()
    {
        var logger = new RedactingLogger(_inner);

        logger.LogInformation("Request starting {Method} {Path}", "GET", $"/actions/{Token}");

        var entry = Assert.Single(_inner.Entries);
        Assert.Equal("Request starting GET /actions/***", entry.Message);
        Assert.Contains(entry.Values, v => v.Key == "Path" && (string?)v.Value == "/actions/***");
        Assert.Contains(entry.Values, v => v.Key == "{OriginalFormat}" && (string?)v.Value == "Request starting {Method} {Path}");
        Assert.DoesNotContain("Secret", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_ValueWhoseToStringCarriesTheToken_MaskedAsText()
    {
        var logger = new RedactingLogger(_inner);

        logger.LogDebug("Matched {Uri}", new Uri($"http://127.0.0.1/status/CMP-1?t={Token}"));

        var entry = Assert.Single(_inner.Entries);
        Assert.DoesNotContain("Secret", entry.ToString(), StringComparison.Ordinal);
        Assert.Contains("t=***", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_ExceptionNamingTheUrl_ExceptionTextMasked()
    {
        var logger = new RedactingLogger(_inner);

        logger.LogWarning(new InvalidOperationException($"Bad request line: GET /evidence/{Token} HTTP/1.1"), "Bad request");

        var entry = Assert.Single(_inner.Entries);
        var exception = Assert.IsType<RedactedException>(entry.Exception);
        Assert.Equal(typeof(InvalidOperationException).FullName, exception.OriginalType);
        Assert.Contains("/evidence/***", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BeginScope_RequestPathWithToken_ScopeMasked()
    {
        var logger = new RedactingLogger(_inner);

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = $"/actions/{Token}", ["RequestId"] = "0HN1" }))
        {
        }

        var scope = Assert.Single(_inner.Scopes);
        var values = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(scope);
        Assert.Contains(values, v => v.Key == "RequestPath" && (string?)v.Value == "/actions/***");
        Assert.Contains(values, v => v.Key == "RequestId" && (string?)v.Value == "0HN1");
    }

    [Fact]
    public void Log_NothingToMask_StateAndExceptionPassedThroughAsTheyAre()
    {
        var logger = new RedactingLogger(_inner);
        var failure = new InvalidOperationException("storage unreachable");

        logger.LogError(failure, "Case {TrackingNumber} failed", "CMP-20261201-0001");

        var entry = Assert.Single(_inner.Entries);
        Assert.Same(failure, entry.Exception);
        Assert.IsNotType<RedactedLogState>(entry.State);
        Assert.Equal("Case CMP-20261201-0001 failed", entry.Message);
    }

    [Fact]
    public void Log_LevelDisabledInTheInnerLogger_NothingFormattedOrWritten()
    {
        var logger = new RedactingLogger(new RecordingLogger(LogLevel.Warning));

        Assert.False(logger.IsEnabled(LogLevel.Information));
        logger.Log(LogLevel.Information, default, "state", null, (_, _) => throw new InvalidOperationException("formatted"));
    }

    private sealed class RecordingLogger(LogLevel minimum = LogLevel.Trace) : ILogger
    {
        public List<Entry> Entries { get; } = [];

        public List<object> Scopes { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Scopes.Add(state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(formatter(state, exception), state, (state as IEnumerable<KeyValuePair<string, object?>>)?.ToList() ?? [], exception));
    }

    private sealed record Entry(string Message, object? State, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception)
    {
        public override string ToString() => Message + string.Join(" ", Values.Select(v => $"{v.Key}={v.Value}")) + Exception;
    }
}
