using System.Globalization;
using ServerlessComplaints.Workflow.Calendar;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>
/// Times as people read them: in the centre's time zone (the business calendar's) with the zone named ("UTC+8"), and
/// deadlines that fall at a local midnight phrased as the end of the day before ("12月3日 24:00 前 (UTC+8)",
/// "by the end of 3 December (UTC+8)"). Formats come from the <c>Time.*</c> resources.
/// </summary>
public sealed class CaseTimes(BusinessCalendar calendar)
{
    public TimeZoneInfo TimeZone { get; } = (calendar ?? throw new ArgumentNullException(nameof(calendar))).TimeZone;

    /// <summary>The local time in the centre's zone.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), TimeZone);

    /// <summary>The zone at that instant as an offset: "UTC+8", "UTC+5:30", "UTC".</summary>
    public string Zone(DateTime utc)
    {
        var offset = TimeZone.GetUtcOffset(AsUtc(utc));
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:D2}");
    }

    /// <summary>A moment: "2026年12月3日 14:30 (UTC+8)" / "3 December 2026, 14:30 (UTC+8)".</summary>
    public string At(DateTime utc, CultureInfo culture)
    {
        var local = Local(utc);
        return CaseTexts.Format("Time.At", culture, new Dictionary<string, string>
        {
            ["date"] = local.ToString(CaseTexts.Get("Time.Date", culture), culture),
            ["time"] = local.ToString(CaseTexts.Get("Time.Clock", culture), culture),
            ["zone"] = Zone(utc),
        });
    }

    /// <summary>The local date: "2026年12月3日" / "3 December 2026".</summary>
    public string Date(DateTime utc, CultureInfo culture) => Local(utc).ToString(CaseTexts.Get("Time.Date", culture), culture);

    /// <summary>
    /// A deadline: at a local midnight "by the end of" the day before, otherwise "by" its time. The phrase includes the
    /// preposition, so a sentence reads "we will respond {due}".
    /// </summary>
    public string Deadline(DateTime utc, CultureInfo culture)
    {
        var local = Local(utc);
        var endOfDay = local.TimeOfDay == TimeSpan.Zero;
        var day = endOfDay ? local.AddDays(-1) : local;
        return CaseTexts.Format(endOfDay ? "Time.DeadlineEndOfDay" : "Time.DeadlineAt", culture, new Dictionary<string, string>
        {
            ["day"] = day.ToString(CaseTexts.Get("Time.Day", culture), culture),
            ["time"] = local.ToString(CaseTexts.Get("Time.Clock", culture), culture),
            ["zone"] = Zone(utc),
        });
    }

    /// <summary>An SLA length as the rule states it: "3 个工作日" / "3 working days", "24 hours", "12 seconds".</summary>
    public static string Span(SlaSpan span, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(span);
        return span switch
        {
            { WorkingDays: { } days } => Count("Time.WorkingDays", days, culture),
            { Hours: { } hours } => Count("Time.Hours", hours, culture),
            { Seconds: { } seconds } => Count("Time.Seconds", seconds, culture),
            _ => throw new ArgumentException("The span has no length.", nameof(span)),
        };
    }

    /// <summary>"1 working day", "3 working days", "3 个工作日".</summary>
    public static string WorkingDays(int days, CultureInfo culture) => Count("Time.WorkingDays", days, culture);

    private static string Count(string key, int n, CultureInfo culture) =>
        CaseTexts.Format(key + (n == 1 ? ".One" : ".Other"), culture, new Dictionary<string, string> { ["n"] = n.ToString(culture) });

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
