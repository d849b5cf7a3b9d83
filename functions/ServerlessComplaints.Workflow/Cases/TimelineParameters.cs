namespace ServerlessComplaints.Workflow.Cases;

/// <summary>
/// Parameter names of timeline entries and how the renderer reads them: codes (<see cref="Channel"/>,
/// <see cref="Urgency"/>, <see cref="Party"/>, <see cref="Remedy"/> with <see cref="Amount"/>, <see cref="Outcome"/>,
/// <see cref="Role"/>, <see cref="Task"/>) become words; staff ids (<see cref="Owner"/>, <see cref="Approver"/>,
/// <see cref="From"/>, <see cref="To"/>) become names; <see cref="Due"/> and <see cref="Until"/> (UTC, ISO 8601) become
/// local times; <see cref="Text"/> is a person's own words, shown quoted and never as part of the sentence; any other
/// value is inserted as it is.
/// </summary>
public static class TimelineParameters
{
    public const string Channel = "channel";
    public const string Urgency = "urgency";
    public const string Party = "party";
    public const string Remedy = "remedy";
    public const string Amount = "amount";
    public const string Outcome = "outcome";
    public const string Role = "role";
    public const string Task = "task";
    public const string Owner = "owner";
    public const string Approver = "approver";
    public const string From = "from";
    public const string To = "to";
    public const string Due = "due";
    public const string Until = "until";
    public const string Text = "text";
    public const string Percent = "percent";
    public const string Rating = "rating";
    public const string Declines = "declines";
    public const string Reference = "reference";
    public const string Files = "files";
}
