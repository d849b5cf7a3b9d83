using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>Counts activity attempts that throw (complaints.activities.failed), as the local service's activity adapter does.</summary>
internal sealed class ActivityFailureCounter : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception) when (IsActivity(context.FunctionDefinition))
        {
            WorkflowTelemetry.ActivityFailed(context.FunctionDefinition.Name);
            throw;
        }
    }

    internal static bool IsActivity(FunctionDefinition function) =>
        function.InputBindings.Values.Any(b => string.Equals(b.Type, "activityTrigger", StringComparison.OrdinalIgnoreCase));
}
