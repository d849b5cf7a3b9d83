using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
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
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(directory);
        var fields = QueryFields.Read(query, Fields);
        var values = fields.Values;
        var to = fields.Date("to") ?? today;
        var from = fields.Date("from") ?? to.AddDays(-(((int)to.DayOfWeek + 6) % 7) - 7 * (DefaultWeeks - 1));
        values.TryAdd("from", from.ToString(QueryFields.DateFormat, CultureInfo.InvariantCulture));
        values.TryAdd("to", to.ToString(QueryFields.DateFormat, CultureInfo.InvariantCulture));
        if (!fields.HasError("from") && !fields.HasError("to"))
        {
            if (from > to)
            {
                fields.Fail("to", "range");
            }
            else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            {
                fields.Fail("to", "span");
            }
        }

        var departments = DepartmentsFor(viewer, directory);
        var department = fields.Known("department", MaxTextLength, directory.HasDepartment) is { } asked
            ? directory.GetDepartment(asked).Id
            : null;
        var forbidden = !MaySee(viewer.Role) || (department is not null && !departments.Any(d => d.Id == department));
        if (viewer.Role < StaffRole.Manager && department is null && !fields.HasError("department"))
        {
            // A supervisor's dashboard is their department's.
            department = departments[0].Id;
            values["department"] = department;
        }

        var location = fields.Text("location", MaxTextLength);
        var category = fields.Choice<Category>("category");
        return new DashboardQuery(new DashboardFilter(from, to, department, location, category), values, fields.Errors(), forbidden);
    }

    /// <summary>The query string of this view (for links to the exports and the JSON), the language first.</summary>
    public string Link(string path, string language) =>
        QueryHelpers.AddQueryString(path, [KeyValuePair.Create("lang", (string?)language), .. Fields.Where(Values.ContainsKey).Select(f => KeyValuePair.Create(f, (string?)Values[f]))]);
}
