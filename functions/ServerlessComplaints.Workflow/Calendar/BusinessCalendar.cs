// Calendar file format (Calendars/{region}.json; unknown properties such as "note" are ignored):
// {
//   "region": "CN",                       // must match the file name when loaded with LoadRegion
//   "timeZone": "Asia/Shanghai",          // IANA (or Windows) id known to TimeZoneInfo
//   "weekend": ["Saturday", "Sunday"],    // DayOfWeek names; [] means every day is a working day
//   "holidays": [ { "date": "2026-01-01", "name": "元旦 New Year's Day" } ],
//   "makeUpWorkdays": [ { "date": "2026-01-04", "name": "元旦调休 New Year make-up workday" } ]
// }
// Dates are yyyy-MM-dd; a make-up workday must fall on a weekend day and may not also be a holiday.

using System.Globalization;

namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>Working days of one region: weekends, public holidays and make-up workdays in a local time zone.</summary>
public sealed class BusinessCalendar
{
    // Longest run of non-working days tolerated before the calendar is considered broken.
    private const int MaxDaysWithoutWorkingDay = 366;

    private readonly HashSet<DayOfWeek> weekend;
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> makeUpWorkdays;

    public BusinessCalendar(string region, TimeZoneInfo timeZone, IEnumerable<DayOfWeek> weekend,
                            IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(weekend);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkdays);

        Region = region;
        TimeZone = timeZone;
        this.weekend = [.. weekend];
        this.holidays = [.. holidays];
        this.makeUpWorkdays = [.. makeUpWorkdays];

        var both = this.holidays.Intersect(this.makeUpWorkdays).Order().ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException(
                $"Calendar '{region}': {string.Join(", ", both.Select(CalendarDocument.FormatDate))} " +
                "cannot be both a holiday and a make-up workday.", nameof(makeUpWorkdays));
        }
    }

    public string Region { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>True for make-up workdays, false for holidays and (other) weekend days.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkdays.Contains(date) || (!holidays.Contains(date) && !weekend.Contains(date.DayOfWeek));

    /// <summary>The local calendar date of a UTC instant.</summary>
    public DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcInstant.Require(utc, nameof(utc)), TimeZone));

    /// <summary>
    /// The UTC instant of local midnight at the end of the <paramref name="n"/>th working day strictly after
    /// the local date of <paramref name="fromUtc"/>.
    /// </summary>
    public DateTime AddWorkingDays(DateTime fromUtc, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);

        var date = LocalDate(fromUtc);
        var remaining = n;
        var idle = 0;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
                idle = 0;
            }
            else if (++idle > MaxDaysWithoutWorkingDay)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Calendar '{Region}' has no working day in the {MaxDaysWithoutWorkingDay} days before {CalendarDocument.FormatDate(date)}."));
            }
        }

        return StartOfDayUtc(date.AddDays(1));
    }

    public static BusinessCalendar FromJson(string json) => CalendarDocument.Parse(json);

    public static BusinessCalendar Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Business calendar file '{path}' was not found.", path);
        }

        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (CalendarFormatException ex)
        {
            throw new CalendarFormatException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Loads <c>{region}.json</c> from <paramref name="directory"/> (default: the app's <c>Calendars</c> folder).</summary>
    public static BusinessCalendar LoadRegion(string region, string? directory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (!region.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Region '{region}' may contain only letters, digits, '-' and '_'.", nameof(region));
        }

        var path = Path.Combine(directory ?? Path.Combine(AppContext.BaseDirectory, "Calendars"), region + ".json");
        var calendar = Load(path);
        if (!string.Equals(calendar.Region, region, StringComparison.OrdinalIgnoreCase))
        {
            throw new CalendarFormatException($"{path}: region '{calendar.Region}' does not match the file name '{region}'.");
        }

        return calendar;
    }

    // Local midnight can be skipped or repeated by a clock change; the day starts at its first instant.
    private DateTime StartOfDayUtc(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(midnight))
        {
            var offsetBefore = TimeZone.GetUtcOffset(midnight.AddDays(-1));
            return DateTime.SpecifyKind(midnight - offsetBefore, DateTimeKind.Utc);
        }

        if (TimeZone.IsAmbiguousTime(midnight))
        {
            var earliest = TimeZone.GetAmbiguousTimeOffsets(midnight).Max();
            return DateTime.SpecifyKind(midnight - earliest, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, TimeZone);
    }
}
