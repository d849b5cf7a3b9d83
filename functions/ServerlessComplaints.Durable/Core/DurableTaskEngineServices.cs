using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Durable.Core;

/// <summary>Registers the Durable Task engine as the host's <see cref="IWorkflowClient"/>, with its worker as a hosted service.</summary>
public static class DurableTaskEngineServices
{
    public static IServiceCollection AddDurableTaskEngine(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<DurableTaskOptions>().BindConfiguration(DurableTaskOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DurableTaskOptions>, DurableTaskOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value);
        services.AddSingleton(sp => new ComplaintTaskHub(connectionString, sp.GetRequiredService<DurableTaskOptions>(), sp, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<StalledInstanceRepair>();
        services.AddSingleton<TaskHubWorkflowClient>();
        services.AddSingleton<IWorkflowClient>(sp => sp.GetRequiredService<TaskHubWorkflowClient>());
        services.AddHostedService<TaskHubWorkerService>();
        return services;
    }
}
