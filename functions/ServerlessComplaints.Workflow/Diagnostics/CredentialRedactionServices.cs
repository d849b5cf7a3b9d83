using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Workflow.Diagnostics;

/// <summary>Registers credential redaction for every logger of a host (both hosts call this once, after logging is set up).</summary>
public static class CredentialRedactionServices
{
    /// <summary>Wraps the registered <see cref="ILoggerFactory"/> in a <see cref="RedactingLoggerFactory"/>.</summary>
    /// <exception cref="InvalidOperationException">No logger factory is registered yet.</exception>
    public static IServiceCollection AddCredentialRedaction(this IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Register logging before credential redaction: there is no ILoggerFactory to wrap.");
        services.Remove(original);
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(Create(sp, original)));
        return services;
    }

    // The host's own registration is a type (LoggerFactory, built from the providers and filter options), rarely an instance.
    private static ILoggerFactory Create(IServiceProvider services, ServiceDescriptor original) =>
        original.ImplementationInstance as ILoggerFactory
        ?? original.ImplementationFactory?.Invoke(services) as ILoggerFactory
        ?? (ILoggerFactory)ActivatorUtilities.CreateInstance(services, original.ImplementationType!);
}
