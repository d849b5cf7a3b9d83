using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Durable.Core;

/// <summary>Refuses settings the Azure Storage backend would reject later, or that stall the worker.</summary>
public sealed partial class DurableTaskOptionsValidator : IValidateOptions<DurableTaskOptions>
{
    private static readonly TimeSpan RenewalTick = TimeSpan.FromSeconds(5);

    public ValidateOptionsResult Validate(string? name, DurableTaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!HubName().IsMatch(options.TaskHubName ?? ""))
        {
            errors.Add("DurableTask:TaskHubName must be 3-45 letters or digits, starting with a letter.");
        }

        if (options.PartitionCount is < 1 or > 16)
        {
            errors.Add("DurableTask:PartitionCount must be between 1 and 16.");
        }

        if (options.MaxConcurrentActivities < 1 || options.MaxConcurrentOrchestrations < 1)
        {
            errors.Add("DurableTask:MaxConcurrentActivities and MaxConcurrentOrchestrations must be at least 1.");
        }

        if (options.ControlQueueBatchSize is < 1 or > 32 || options.ControlQueueBufferThreshold < options.ControlQueueBatchSize)
        {
            errors.Add("DurableTask:ControlQueueBatchSize must be between 1 and 32 and ControlQueueBufferThreshold at least as large.");
        }

        var spans = new[]
        {
            options.MaxQueuePollingInterval, options.ControlQueueVisibilityTimeout, options.WorkItemQueueVisibilityTimeout,
            options.LeaseInterval, options.LeaseRenewInterval, options.LeaseAcquireInterval, options.StopTimeout,
        };
        if (spans.Any(s => s <= TimeSpan.Zero))
        {
            errors.Add("DurableTask: polling intervals, visibility timeouts and lease intervals must be positive.");
        }

        // DurableTask.Core renews a running episode's or activity's message on a 5 s tick: a shorter visibility lets it reappear first.
        if (options.ControlQueueVisibilityTimeout < RenewalTick || options.WorkItemQueueVisibilityTimeout < RenewalTick)
        {
            errors.Add("DurableTask:ControlQueueVisibilityTimeout and WorkItemQueueVisibilityTimeout must be at least 5 seconds.");
        }

        if (options.LeaseRenewInterval >= options.LeaseInterval)
        {
            errors.Add("DurableTask:LeaseRenewInterval must be shorter than LeaseInterval.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubName();
}
