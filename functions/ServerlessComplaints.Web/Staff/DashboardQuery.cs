using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// The dashboard's query string (<c>/staff/dashboard?from=2026-01-05&amp;to=2026-03-29&amp;department=service</c>) read
/// into a <see cref="DashboardFilter"/>: the period of receipt (local dates; by default the last
/// <see cref="DefaultWeeks"/> weeks, Monday to today), department, location and category, each bad value an error code
/// for its field (<c>Dashboard.Error.{code}</c>), the values as given kept for the form. Who sees what: supervisors
/// their own department (the filter is set to it; another one is refused), managers and the centre head every
/// department; other staff no dashboard (<see cref="MaySee"/>).
/// </summary>
public sealed class DashboardQuery
{
    public const int DefaultWeeks = 12;

    /// <summary>The longest period one view covers (the aggregates' own limit).</summary>
    public const int MaxDays = 400;

    public const int MaxTextLength = 200;

    public static IReadOnlyList<string> Fields { get; } = ["from", "to", "department", "location", "category"];

    private DashboardQuery(DashboardFilter filter, Dictionary<string, string> values, Dictionary<string, string> errors, bool forbidden)
    {
        Filter = filter;
        Values = values;
        Errors = errors;
        Forbidden = forbidden;
    }

    public DashboardFilter Filter { get; }

    /// <summary>Each field given, trimmed, as given (a bad value included), plus the default period's dates.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Field → error code (date, range, span, choice, too-long); empty when every value is good.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>The viewer may not see the dashboard, or not for the department asked for.</summary>
    public bool Forbidden { get; }

    public string? this[string field] => Values.GetValueOrDefault(field);

    /// <summary>Supervisors and up see a dashboard: supervisors their department's, managers and up every department's.</summary>
    public static bool MaySee(StaffRole role) => role >= StaffRole.Supervisor;

    /// <summary>The departments a viewer may choose: all for managers and up, their own for supervisors.</summary>
    public static IReadOnlyList<Department> DepartmentsFor(StaffMember viewer, StaffDirectory directory) =>
        viewer.Role >= StaffRole.Manager
            ? [.. directory.All.Select(m => m.Department).Distinct(StringComparer.OrdinalIgnoreCase).Select(directory.GetDepartment)]
            : [directory.GetDepartment(viewer.Department)];

    public static DashboardQuery Read(IQueryCollection query, StaffMember viewer, StaffDirectory directory, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(directory);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (query[field].ToString().Trim() is { Length: > 0 } value)
            {
                values[field] = value;
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var to = Date(values, errors, "to") ?? today;
        var from = Date(values, errors, "from") ?? to.AddDays(-(((int)to.DayOfWeek + 6) % 7) - 7 * (DefaultWeeks - 1));
        values.TryAdd("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        values.TryAdd("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (from > to)
            {
                errors["to"] = "range";
            }
            else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            {
                errors["to"] = "span";
            }
        }

        var departments = DepartmentsFor(viewer, directory);
        var department = values.TryGetValue("department", out var asked)
            ? directory.All.Any(m => string.Equals(m.Department, asked, StringComparison.OrdinalIgnoreCase)) ? directory.GetDepartment(asked).Id : Error(errors, "department", "choice")
            : null;
        var forbidden = !MaySee(viewer.Role) || (department is not null && !departments.Any(d => d.Id == department));
        if (viewer.Role < StaffRole.Manager && department is null && !errors.ContainsKey("department"))
        {
            // A supervisor's dashboard is their department's.
            department = departments[0].Id;
            values["department"] = department;
        }

        string? location = null;
        if (values.TryGetValue("location", out var place))
        {
            location = place.Length <= MaxTextLength ? place : Error(errors, "location", "too-long");
        }

        Category? category = null;
        if (values.TryGetValue("category", out var categoryName))
        {
            if (WireNames.TryParse<Category>(categoryName, out var parsed))
            {
                category = parsed;
            }
            else
            {
                errors["category"] = "choice";
            }
        }

        var ordered = errors.OrderBy(e => IndexOf(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return new DashboardQuery(new DashboardFilter(from, to, department, location, category), values, ordered, forbidden);
    }

    /// <summary>The query string of this view (for links to the exports and the JSON), the language first.</summary>
    public string Link(string path, string language) =>
        QueryHelpers.AddQueryString(path, [KeyValuePair.Create("lang", (string?)language), .. Fields.Where(Values.ContainsKey).Select(f => KeyValuePair.Create(f, (string?)Values[f]))]);

    private static int IndexOf(string field) => Fields.ToList().IndexOf(field);

    private static string? Error(Dictionary<string, string> errors, string field, string code)
    {
        errors[field] = code;
        return null;
    }

    private static DateOnly? Date(Dictionary<string, string> values, Dictionary<string, string> errors, string field)
    {
        if (!values.TryGetValue(field, out var value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = "date";
        return null;
    }
}
