namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>
/// External event names, defined once for every host: staff actions, action links and inbound email all raise
/// these on the case's orchestration (instance id = tracking number).
/// </summary>
public static class WorkflowEvents
{
    /// <summary>Complaint investigation findings (<see cref="FindingsSubmitted"/>).</summary>
    public const string Findings = "Findings";

    /// <summary>An inquiry's answer (<see cref="InquiryAnswered"/>).</summary>
    public const string Answer = "Answer";

    /// <summary>A suggestion's review (<see cref="SuggestionReviewed"/>).</summary>
    public const string Review = "Review";

    /// <summary>Special case: the manager extends the complaint deadline (<see cref="ExtensionGranted"/>).</summary>
    public const string Extend = "Extend";

    /// <summary>An approver's decision on a remedy above the owner's authority (<see cref="ApprovalDecision"/>).</summary>
    public const string Approval = "Approval";

    /// <summary>A revised offer after a rejection or a declined offer (<see cref="RevisedOffer"/>).</summary>
    public const string Offer = "Offer";

    /// <summary>The customer's answer to an offer (<see cref="OfferResponse"/>).</summary>
    public const string CustomerResponse = "CustomerResponse";

    /// <summary>The owner confirms the remedy was carried out (<see cref="ExecutionConfirmed"/>).</summary>
    public const string Execution = "Execution";

    /// <summary>The customer's satisfaction survey (<see cref="SurveyAnswered"/>).</summary>
    public const string Survey = "Survey";
}
