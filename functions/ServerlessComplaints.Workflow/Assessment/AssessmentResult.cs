using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>The outcome of the initial assessment: urgency, why it was raised, the keywords found and whether the case is a repeat.</summary>
/// <param name="Urgency">The urgency the case starts with.</param>
/// <param name="Reasons">Why urgency was set above the kind's base level; empty when it was not.</param>
/// <param name="MatchedKeywords">Configured urgent keywords found in the text, in configuration order.</param>
/// <param name="IsRepeat">True when the same customer raised another case within the repeat window.</param>
public sealed record AssessmentResult(Urgency Urgency, IReadOnlyList<string> Reasons, IReadOnlyList<string> MatchedKeywords, bool IsRepeat);
