namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>How a case ended.</summary>
public static class CaseOutcome
{
    /// <summary>Remedy carried out (or inquiry answered) and the survey was not dissatisfied.</summary>
    public const string Resolved = "resolved";

    /// <summary>The survey went unanswered in its window.</summary>
    public const string NoReply = "no-reply";

    /// <summary>Dissatisfied again after the one reopen.</summary>
    public const string Dissatisfied = "dissatisfied";

    /// <summary>The customer never answered the offer; it stands.</summary>
    public const string NoResponse = "no-response";

    /// <summary>The customer declined the manager's final offer.</summary>
    public const string Declined = "declined";

    /// <summary>A suggestion was reviewed and replied to.</summary>
    public const string Reviewed = "reviewed";

    /// <summary>The customer withdrew the case from the status page.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>A manager ended the case's workflow (staff terminate).</summary>
    public const string Terminated = "terminated";
}
