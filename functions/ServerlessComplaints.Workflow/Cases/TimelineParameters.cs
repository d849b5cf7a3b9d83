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
    /// <summary>A remedy's parameters: its type's wire name, its amount (invariant text) and its description as <see cref="Text"/>.</summary>
    public static Dictionary<string, string> Of(Domain.Remedy remedy)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Remedy] = Localization.WireNames.Of(remedy.Type),
            [Text] = remedy.Description,
        };
        if (remedy.Amount is { } amount)
        {
            parameters[Amount] = Localization.CaseMoney.Invariant(amount);
        }

        return parameters;
    }

    /// <summary>A UTC instant as a parameter value (ISO 8601, round-trip).</summary>
    public static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A whole number as a parameter value.</summary>
    public static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
