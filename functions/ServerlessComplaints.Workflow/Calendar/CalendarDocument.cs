using System.Globalization;
using System.Text.Json;

namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>The JSON shape of a calendar file and its validation into a <see cref="BusinessCalendar"/>.</summary>
internal sealed class CalendarDocument
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public string? Region { get; set; }

    public string? TimeZone { get; set; }

    public List<string?>? Weekend { get; set; }

    public List<CalendarDay?>? Holidays { get; set; }

    public List<CalendarDay?>? MakeUpWorkdays { get; set; }

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static BusinessCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CalendarDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CalendarDocument>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new CalendarFormatException($"Calendar JSON is malformed: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new CalendarFormatException("Calendar JSON is empty (null).");
        }

        return document.ToCalendar();
    }

    private BusinessCalendar ToCalendar()
    {
        if (string.IsNullOrWhiteSpace(Region))
        {
            throw new CalendarFormatException("Calendar: \"region\" is required.");
        }

        var prefix = $"Calendar '{Region}'";
        var timeZone = FindTimeZone(prefix);
        var weekend = ParseWeekend(prefix);
        var holidays = ParseDays(prefix, "holidays", Holidays);
        var makeUps = ParseDays(prefix, "makeUpWorkdays", MakeUpWorkdays);

        foreach (var (date, (index, name)) in makeUps)
        {
            if (holidays.TryGetValue(date, out var holiday))
            {
                throw new CalendarFormatException(
                    $"{prefix}: {FormatDate(date)} is both a holiday (holidays[{holiday.Index}] '{holiday.Name}') " +
                    $"and a make-up workday (makeUpWorkdays[{index}] '{name}').");
            }

            if (!weekend.Contains(date.DayOfWeek))
            {
                throw new CalendarFormatException(
                    $"{prefix}: makeUpWorkdays[{index}] {FormatDate(date)} is a {date.DayOfWeek}, not a weekend day; " +
                    "only a weekend day can be a make-up workday.");
            }
        }

        return new BusinessCalendar(Region, timeZone, weekend, holidays.Keys, makeUps.Keys);
    }

    private TimeZoneInfo FindTimeZone(string prefix)
    {
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            throw new CalendarFormatException($"{prefix}: \"timeZone\" is required (e.g. \"Asia/Shanghai\").");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CalendarFormatException($"{prefix}: timeZone '{TimeZone}' is not a known time zone.", ex);
        }
    }

    private HashSet<DayOfWeek> ParseWeekend(string prefix)
    {
        if (Weekend is null)
        {
            throw new CalendarFormatException($"{prefix}: \"weekend\" is required (e.g. [\"Saturday\", \"Sunday\"]; [] for none).");
        }

        var days = new HashSet<DayOfWeek>();
        for (var i = 0; i < Weekend.Count; i++)
        {
            // Enum.TryParse would also accept numbers such as "6"; only names are allowed.
            var name = Weekend[i]?.Trim();
            var match = Enum.GetValues<DayOfWeek>()
                .Where(d => string.Equals(d.ToString(), name, StringComparison.OrdinalIgnoreCase))
                .Select(d => (DayOfWeek?)d)
                .FirstOrDefault();
            if (match is null)
            {
                throw new CalendarFormatException($"{prefix}: weekend[{i}] '{Weekend[i]}' is not a day name (Monday … Sunday).");
            }

            days.Add(match.Value);
        }

        return days;
    }

    private static Dictionary<DateOnly, (int Index, string Name)> ParseDays(string prefix, string property, List<CalendarDay?>? entries)
    {
        var days = new Dictionary<DateOnly, (int Index, string Name)>();
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var entry = entries![i];
            if (entry is null || !DateOnly.TryParseExact(entry.Date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CalendarFormatException(
                    $"{prefix}: {property}[{i}] date '{entry?.Date}' is not a valid date ({DateFormat}).");
            }

            if (!days.TryAdd(date, (i, entry.Name ?? string.Empty)))
            {
                throw new CalendarFormatException(
                    $"{prefix}: {property}[{i}] {entry.Date} is listed twice (also {property}[{days[date].Index}]).");
            }
        }

        return days;
    }
}
