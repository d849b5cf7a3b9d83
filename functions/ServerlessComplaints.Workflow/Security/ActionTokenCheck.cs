namespace ServerlessComplaints.Workflow.Security;

/// <summary>The outcome of reading an action token.</summary>
public enum ActionTokenCheck
{
    Valid,
    Malformed,
    Tampered,
    Expired,
}
