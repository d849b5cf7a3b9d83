using System.Globalization;

namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>SLA lengths, reminders and escalation (configuration section "Sla"); defaults from the source guides.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Business calendar region: <c>Calendars/{Region}.json</c>.</summary>
    public string Region { get; set; } = "CN";

    public SlaSpan InquiryAnswer { get; set; } = SlaSpan.FromHours(24);

    public SlaSpan ComplaintResolution { get; set; } = SlaSpan.FromWorkingDays(3);

    /// <summary>A special case's total allowance, counted from receipt (not added to the normal span).</summary>
    public SlaSpan ComplaintExtended { get; set; } = SlaSpan.FromWorkingDays(7);

    public SlaSpan SuggestionReply { get; set; } = SlaSpan.FromWorkingDays(5);

    /// <summary>Reminder points as fractions of the time between start and deadline.</summary>
    public double[] ReminderFractions { get; set; } = [0.5, 0.8];

    /// <summary>Working days after the deadline before the complaint-centre head is escalated to.</summary>
    public int CentreHeadEscalationWorkingDays { get; set; } = 1;

    /// <summary>The configuration problems, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Region))
        {
            problems.Add($"{SectionName}:{nameof(Region)} is required.");
        }

        CheckSpan(problems, nameof(InquiryAnswer), InquiryAnswer);
        CheckSpan(problems, nameof(ComplaintResolution), ComplaintResolution);
        CheckSpan(problems, nameof(ComplaintExtended), ComplaintExtended);
        CheckSpan(problems, nameof(SuggestionReply), SuggestionReply);
        CheckExtendedNotShorter(problems);
        CheckFractions(problems);

        if (CentreHeadEscalationWorkingDays < 1)
        {
            problems.Add($"{SectionName}:{nameof(CentreHeadEscalationWorkingDays)} must be at least 1 (was {CentreHeadEscalationWorkingDays}).");
        }

        return problems;
    }

    private static void CheckSpan(List<string> problems, string name, SlaSpan? span)
    {
        var problem = span is null ? "is required" : span.Problem();
        if (problem is not null)
        {
            problems.Add($"{SectionName}:{name}: {problem}.");
        }
    }

    // Comparable only when both spans are of one measure: working days, or elapsed time (hours and seconds).
    private void CheckExtendedNotShorter(List<string> problems)
    {
        if (ComplaintResolution?.Problem() is not null || ComplaintExtended?.Problem() is not null || ComplaintResolution is null || ComplaintExtended is null)
        {
            return;
        }

        var shorter = (ComplaintResolution.WorkingDays, ComplaintExtended.WorkingDays) is ({ } normal, { } extended)
            ? extended < normal
            : ComplaintResolution.Elapsed() is { } normalTime && ComplaintExtended.Elapsed() is { } extendedTime && extendedTime < normalTime;
        if (shorter)
        {
            problems.Add($"{SectionName}:{nameof(ComplaintExtended)} ({ComplaintExtended}) must not be shorter than " +
                         $"{nameof(ComplaintResolution)} ({ComplaintResolution}).");
        }
    }

    private void CheckFractions(List<string> problems)
    {
        if (ReminderFractions is null)
        {
            problems.Add($"{SectionName}:{nameof(ReminderFractions)} is required (use [] for no reminders).");
            return;
        }

        for (var i = 0; i < ReminderFractions.Length; i++)
        {
            var fraction = ReminderFractions[i];
            if (!(fraction > 0 && fraction < 1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SectionName}:{nameof(ReminderFractions)}[{i}] must be between 0 and 1 exclusive (was {fraction})."));
            }
            else if (i > 0 && fraction <= ReminderFractions[i - 1])
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SectionName}:{nameof(ReminderFractions)} must be strictly ascending ([{i}] = {fraction} follows {ReminderFractions[i - 1]})."));
            }
        }
    }
}
