namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Every activity the complaint workflow calls, by name: the list each host binds.</summary>
public static class ComplaintActivities
{
    public static readonly IReadOnlyDictionary<string, Type> All = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [nameof(SaveComplaint)] = typeof(SaveComplaint),
        [nameof(AssessComplaint)] = typeof(AssessComplaint),
        [nameof(PlanDeadline)] = typeof(PlanDeadline),
        [nameof(AssignApprovers)] = typeof(AssignApprovers),
        [nameof(SendNotification)] = typeof(SendNotification),
        [nameof(RecordProgress)] = typeof(RecordProgress),
        [nameof(ArchiveComplaint)] = typeof(ArchiveComplaint),
    };
}
