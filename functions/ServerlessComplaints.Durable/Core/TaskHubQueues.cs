namespace ServerlessComplaints.Durable.Core;

/// <summary>The names the Azure Storage backend gives a task hub's queues (lower case): one control queue per partition and one work-item queue.</summary>
public static class TaskHubQueues
{
    /// <summary><c>{hub}-control-NN</c>: partition <paramref name="partition"/>'s orchestration messages.</summary>
    public static string Control(string taskHubName, int partition) => $"{ControlPrefix(taskHubName)}{partition:00}";

    /// <summary>What every control queue's name starts with.</summary>
    public static string ControlPrefix(string taskHubName) => Hub(taskHubName) + "-control-";

    /// <summary><c>{hub}-workitems</c>: the activities' messages.</summary>
    public static string WorkItems(string taskHubName) => Hub(taskHubName) + "-workitems";

    /// <summary>Every control queue, then the work-item queue.</summary>
    public static IReadOnlyList<string> All(string taskHubName, int partitionCount) =>
        [.. Enumerable.Range(0, partitionCount).Select(i => Control(taskHubName, i)), WorkItems(taskHubName)];

    private static string Hub(string taskHubName) => taskHubName.ToLowerInvariant();
}
