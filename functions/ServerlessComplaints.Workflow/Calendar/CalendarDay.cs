namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>One dated entry of a calendar file: a holiday or a make-up workday.</summary>
internal sealed record CalendarDay(string? Date, string? Name);
