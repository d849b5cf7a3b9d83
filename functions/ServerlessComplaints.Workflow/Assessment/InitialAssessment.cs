using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>Sets a new case's urgency from its kind, safety/health keywords and whether the customer is complaining again.</summary>
public sealed class InitialAssessment(AssessmentOptions options)
{
    private readonly UrgentKeywordMatcher _matcher = new(options.UrgentKeywords ?? []);

    /// <summary>
    /// Base urgency: complaint and inquiry normal, suggestion low. Any urgent keyword makes it urgent; a repeat
    /// (<paramref name="priorCasesInWindow"/> &gt; 0, counted by the caller over the repeat window) raises it one level.
    /// </summary>
    public AssessmentResult Assess(ComplaintDetails details, int priorCasesInWindow)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentOutOfRangeException.ThrowIfNegative(priorCasesInWindow);

        var urgency = details.Kind == ComplaintKind.Suggestion ? Urgency.Low : Urgency.Normal;
        var reasons = new List<string>();

        var keywords = _matcher.Match($"{details.Subject}\n{details.Description}");
        if (keywords.Count > 0)
        {
            urgency = Urgency.Urgent;
            reasons.AddRange(keywords.Select(k => $"safety/health keyword: {k}"));
        }

        var isRepeat = priorCasesInWindow > 0;
        if (isRepeat)
        {
            urgency = Raise(urgency);
            reasons.Add("repeat complaint");
        }

        return new AssessmentResult(urgency, reasons, keywords, isRepeat);
    }

    /// <summary>One level up (low → normal → urgent), capped at urgent.</summary>
    public static Urgency Raise(Urgency urgency) => urgency switch
    {
        Urgency.Low => Urgency.Normal,
        Urgency.Normal or Urgency.Urgent => Urgency.Urgent,
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency."),
    };
}
