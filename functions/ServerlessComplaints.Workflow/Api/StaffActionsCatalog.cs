namespace ServerlessComplaints.Workflow.Api;

/// <summary>The event names the staff actions and action links raise, for hosts and their binding checks.</summary>
public static class StaffActionsCatalog
{
    public static IReadOnlyList<string> EventNames() => [.. StaffActions.All.Values.Select(a => a.Rule.EventName!).Distinct()];
}
