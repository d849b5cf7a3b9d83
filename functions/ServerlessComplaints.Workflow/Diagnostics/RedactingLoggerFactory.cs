using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Workflow.Diagnostics;

/// <summary>
/// Wraps a host's logger factory so that no logger it hands out — the app's, ASP.NET Core's hosting diagnostics,
/// routing, Kestrel, the Functions worker's — writes a credential-bearing URL to any provider (console, telemetry).
/// Level filtering stays the inner factory's.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
