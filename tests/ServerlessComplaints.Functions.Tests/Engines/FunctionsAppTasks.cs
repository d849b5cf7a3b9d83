using Microsoft.DurableTask;
using ServerlessComplaints.Durable;

namespace ServerlessComplaints.Functions.Tests.Engines;

/// <summary>
/// What the Functions app binds, on a plain Durable Task registry: the Durable catalogue both hosts register (the
/// bindings tests check its names against the built functions.metadata).
/// </summary>
internal static class FunctionsAppTasks
{
    public static void AddTo(DurableTaskRegistry registry, IServiceProvider services) => registry.AddComplaintTasks(services);
}
