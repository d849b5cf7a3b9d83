using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>Turns SLA options and the business calendar into deadlines, reminders and escalations.</summary>
public sealed class SlaClock(BusinessCalendar calendar, SlaOptions options)
{
    private readonly SlaOptions options = Validated(options);

    public BusinessCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>The configured span for a kind of case; <paramref name="extended"/> applies to complaints only.</summary>
    public SlaSpan SpanFor(ComplaintKind kind, bool extended = false)
    {
        if (extended && kind != ComplaintKind.Complaint)
        {
            throw new ArgumentException($"Only complaints can be extended, not a {kind}.", nameof(extended));
        }

        return kind switch
        {
            ComplaintKind.Complaint => extended ? options.ComplaintExtended : options.ComplaintResolution,
            ComplaintKind.Inquiry => options.InquiryAnswer,
            ComplaintKind.Suggestion => options.SuggestionReply,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of case."),
        };
    }

    /// <summary>Hours and seconds are elapsed time (immune to clock changes); working days end at a local midnight.</summary>
    public DateTime Deadline(DateTime startUtc, SlaSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var start = UtcInstant.Require(startUtc, nameof(startUtc));
        if (span.Problem() is { } problem)
        {
            throw new ArgumentException($"Invalid SLA span: {problem}.", nameof(span));
        }

        return span.Elapsed() is { } elapsed ? start + elapsed : Calendar.AddWorkingDays(start, span.WorkingDays!.Value);
    }

    public SlaPlan Plan(ComplaintKind kind, DateTime startUtc, bool extended = false) =>
        Plan(startUtc, SpanFor(kind, extended));

    /// <summary>The plan for an explicit span (approval windows, re-opened cases).</summary>
    public SlaPlan Plan(DateTime startUtc, SlaSpan span)
    {
        var start = UtcInstant.Require(startUtc, nameof(startUtc));
        var due = Deadline(start, span);
        var elapsed = due - start;

        var checkpoints = options.ReminderFractions
            .Select(f => new SlaCheckpoint(start + elapsed * f, SlaCheckpointKind.Reminder, (int)Math.Round(f * 100), 0))
            .Append(new SlaCheckpoint(due, SlaCheckpointKind.Escalation, 100, 1))
            // One tick back so that the working day beginning at the due midnight counts as the first one.
            .Append(new SlaCheckpoint(
                Calendar.AddWorkingDays(due.AddTicks(-1), options.CentreHeadEscalationWorkingDays),
                SlaCheckpointKind.Escalation, 0, 2))
            .OrderBy(c => c.AtUtc)
            .ToList();

        return new SlaPlan(start, due, checkpoints);
    }

    private static SlaOptions Validated(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0
            ? options
            : throw new ArgumentException($"Invalid SLA options: {string.Join(" ", problems)}", nameof(options));
    }
}
