namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>The stage names shown to staff and customers and carried in the custom status.</summary>
public static class CaseStage
{
    public const string Intake = "intake";
    public const string Investigation = "investigation";
    public const string Approval = "approval";
    public const string Resolution = "resolution";
    public const string Execution = "execution";
    public const string FollowUp = "follow-up";
    public const string Closed = "closed";
    public const string Archived = "archived";
    public const string Failed = "failed";
}
