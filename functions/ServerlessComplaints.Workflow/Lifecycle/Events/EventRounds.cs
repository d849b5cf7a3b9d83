namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>Stamps an event payload with the round of the expectation it answers.</summary>
public static class EventRounds
{
    /// <exception cref="ArgumentException">The payload is not one of the workflow's events.</exception>
    public static object WithRound(object payload, string? round) => payload switch
    {
        FindingsSubmitted e => e with { Round = round },
        InquiryAnswered e => e with { Round = round },
        SuggestionReviewed e => e with { Round = round },
        ExtensionGranted e => e with { Round = round },
        ApprovalDecision e => e with { Round = round },
        RevisedOffer e => e with { Round = round },
        OfferResponse e => e with { Round = round },
        ExecutionConfirmed e => e with { Round = round },
        SurveyAnswered e => e with { Round = round },
        _ => throw new ArgumentException($"{payload.GetType().Name} is not a workflow event.", nameof(payload)),
    };
}
