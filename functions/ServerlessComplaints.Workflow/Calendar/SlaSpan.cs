namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>A deadline length: either elapsed hours or working days on the business calendar (exactly one is set).</summary>
public sealed record SlaSpan(int? Hours = null, int? WorkingDays = null)
{
    public static SlaSpan FromHours(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        return new SlaSpan(Hours: hours);
    }

    public static SlaSpan FromWorkingDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new SlaSpan(WorkingDays: days);
    }

    /// <summary>Why this span is unusable, or null when it is valid.</summary>
    internal string? Problem() => (Hours, WorkingDays) switch
    {
        (null, null) => "set one of Hours or WorkingDays",
        (not null, not null) => "set only one of Hours or WorkingDays, not both",
        ( < 1, _) => $"Hours must be at least 1 (was {Hours})",
        (_, < 1) => $"WorkingDays must be at least 1 (was {WorkingDays})",
        _ => null,
    };

    public override string ToString() => Hours is { } h ? $"{h} h" : $"{WorkingDays} working days";
}
