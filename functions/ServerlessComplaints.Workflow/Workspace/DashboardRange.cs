namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>The date ranges a dashboard view accepts.</summary>
public static class DashboardRange
{
    /// <summary>The longest range a view may span, in days.</summary>
    public const int MaxDays = 400;

    /// <exception cref="ArgumentException">From is after To, or the range spans more than <see cref="MaxDays"/> days.</exception>
    public static void Check(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.From > filter.To)
        {
            throw new ArgumentException("The dashboard's From date is after its To date.", nameof(filter));
        }

        if (filter.To.DayNumber - filter.From.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentException($"A dashboard view spans at most {MaxDays} days.", nameof(filter));
        }
    }
}
