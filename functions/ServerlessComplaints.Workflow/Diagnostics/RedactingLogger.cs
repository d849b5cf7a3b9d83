using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Workflow.Diagnostics;

/// <summary>
/// A logger that masks credentials (see <see cref="CredentialRedactor"/>) in the message, every state value, scopes
/// and exception text before the entry reaches the inner logger; entries without one pass through unchanged.
/// </summary>
public sealed class RedactingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        return RedactedLogState.TryRedact(state, state.ToString()) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var text = formatter(state, exception);
        var redactedState = RedactedLogState.TryRedact(state, text);
        var redactedException = exception is not null && CredentialRedactor.HasCredential(exception.ToString()) ? new RedactedException(exception) : exception;
        if (redactedState is null && ReferenceEquals(redactedException, exception))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        inner.Log(logLevel, eventId, redactedState ?? RedactedLogState.Of(state, text), redactedException, static (s, _) => s.ToString());
    }
}
