namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>
/// A deadline length: elapsed hours, working days on the business calendar, or elapsed seconds (exactly one is set).
/// Seconds are meant for demos and tests, where an SLA must run out while someone watches.
/// </summary>
/// <remarks>
/// The first measure given after construction (configuration binding into a default span, <c>with</c>) replaces the
/// span's measure rather than adding a second one: <c>--Sla:ComplaintResolution:Seconds 12</c> over the default of
/// 3 working days is 12 s. Two measures given together (Hours and WorkingDays in one section) stay an invalid span.
/// </remarks>
public sealed record SlaSpan
{
    private int? _hours;
    private int? _workingDays;
    private int? _seconds;
    private bool _measureGiven;

    public SlaSpan(int? Hours = null, int? WorkingDays = null, int? Seconds = null)
    {
        _hours = Hours;
        _workingDays = WorkingDays;
        _seconds = Seconds;
    }

    private SlaSpan(SlaSpan original)
    {
        _hours = original._hours;
        _workingDays = original._workingDays;
        _seconds = original._seconds;
    }

    public int? Hours { get => _hours; init => Give(ref _hours, value); }

    public int? WorkingDays { get => _workingDays; init => Give(ref _workingDays, value); }

    /// <summary>Elapsed seconds: for demos and tests, not for real service levels.</summary>
    public int? Seconds { get => _seconds; init => Give(ref _seconds, value); }

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

    /// <summary>An elapsed span in seconds, for demos and tests.</summary>
    public static SlaSpan FromSeconds(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        return new SlaSpan(Seconds: seconds);
    }

    /// <summary>The elapsed length of an hours or seconds span; null for working days (they depend on the calendar).</summary>
    /// <remarks>A method, not a property, so that it stays out of serialized payloads and configuration binding.</remarks>
    internal TimeSpan? Elapsed() => Hours is { } h ? TimeSpan.FromHours(h) : Seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>Why this span is unusable, or null when it is valid.</summary>
    internal string? Problem()
    {
        var measures = (Hours is null ? 0 : 1) + (WorkingDays is null ? 0 : 1) + (Seconds is null ? 0 : 1);
        return measures switch
        {
            0 => "set one of Hours, WorkingDays or Seconds",
            > 1 => $"set only one of Hours, WorkingDays or Seconds (found {this})",
            _ when Hours < 1 => $"Hours must be at least 1 (was {Hours})",
            _ when WorkingDays < 1 => $"WorkingDays must be at least 1 (was {WorkingDays})",
            _ when Seconds < 1 => $"Seconds must be at least 1 (was {Seconds})",
            _ => null,
        };
    }

    public bool Equals(SlaSpan? other) =>
        other is not null && Hours == other.Hours && WorkingDays == other.WorkingDays && Seconds == other.Seconds;

    public override int GetHashCode() => HashCode.Combine(Hours, WorkingDays, Seconds);

    public override string ToString()
    {
        string?[] parts = [Hours is { } h ? $"{h} h" : null, WorkingDays is { } d ? $"{d} working days" : null, Seconds is { } s ? $"{s} s" : null];
        var text = string.Join(" and ", parts.Where(p => p is not null));
        return text.Length == 0 ? "no span" : text;
    }

    // The first measure given after construction replaces the constructed one; later ones add to it. The binder sets
    // every non-null property again with its own value: that gives nothing.
    private void Give(ref int? measure, int? value)
    {
        if (value == measure)
        {
            return;
        }

        if (value is not null && !_measureGiven)
        {
            _hours = _workingDays = _seconds = null;
            _measureGiven = true;
        }

        measure = value;
    }
}
