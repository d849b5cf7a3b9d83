using ServerlessComplaints.Workflow.Calendar;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// SLA countdowns in working time on the business calendar. The calendar knows working days, not working hours, so a
/// working day counts whole: every instant of a working day (local midnight to midnight, 24 h, 23 h or 25 h on a clock
/// change) is working time, and no instant of a weekend day or holiday is; make-up workdays count as working days.
/// </summary>
public sealed class SlaCountdowns(BusinessCalendar calendar)
{
    private const double HalfUsed = 0.5;
    private const double MostlyUsed = 0.8;

    private readonly BusinessCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>
    /// The countdown of a case received at <paramref name="receivedAtUtc"/> and due at <paramref name="dueAtUtc"/>,
    /// seen at <paramref name="nowUtc"/>; <see cref="SlaCountdown.None"/> without a deadline or once the case is closed.
    /// </summary>
    public SlaCountdown For(DateTime receivedAtUtc, DateTime? dueAtUtc, bool open, DateTime nowUtc)
    {
        if (dueAtUtc is not { } dueValue || !open)
        {
            return SlaCountdown.None;
        }

        var received = Utc(receivedAtUtc);
        var due = Utc(dueValue);
        var now = Utc(nowUtc);
        var left = now <= due ? WorkingTime(now, due) : -WorkingTime(due, now);
        var total = WorkingTime(received, due);
        var used = total <= TimeSpan.Zero
            ? (now >= due ? 1 : 0)
            : WorkingTime(received, now) / total;
        var risk = now > due ? SlaRisk.Overdue
            : used >= MostlyUsed ? SlaRisk.Past80
            : used >= HalfUsed ? SlaRisk.PastHalf
            : SlaRisk.OnTrack;
        return new SlaCountdown(risk, left, used);
    }

    /// <summary>The working time between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public TimeSpan WorkingTime(DateTime fromUtc, DateTime toUtc)
    {
        var from = Utc(fromUtc);
        var to = Utc(toUtc);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var date = _calendar.LocalDate(from);
        var last = _calendar.LocalDate(to);
        for (; date <= last; date = date.AddDays(1))
        {
            if (!_calendar.IsWorkingDay(date))
            {
                continue;
            }

            var start = Max(StartOfDayUtc(_calendar, date), from);
            var end = Min(StartOfDayUtc(_calendar, date.AddDays(1)), to);
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    // Local midnight may not exist on a clock change: the day then starts at its first instant, an hour later or earlier.
    internal static DateTime StartOfDayUtc(BusinessCalendar calendar, DateOnly date)
    {
        var zone = calendar.TimeZone;
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return zone.IsAmbiguousTime(midnight)
            ? DateTime.SpecifyKind(midnight - zone.GetAmbiguousTimeOffsets(midnight).Max(), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
