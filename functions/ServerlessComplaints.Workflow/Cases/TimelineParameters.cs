namespace ServerlessComplaints.Workflow.Cases;

/// <summary>
/// Parameter names of timeline entries and how the renderer reads them: codes (<see cref="Channel"/>,
/// <see cref="Urgency"/>, <see cref="Party"/>, <see cref="Remedy"/> with <see cref="Amount"/>, <see cref="Outcome"/>,
/// <see cref="Role"/>, <see cref="Task"/>, <see cref="Stage"/>, <see cref="Held"/>, <see cref="Sign"/>) become words;
/// <see cref="Reasons"/> (codes, comma-separated) a list of sentences filled from the entry's limits; staff ids
/// (<see cref="Owner"/>, <see cref="Approver"/>, <see cref="From"/>, <see cref="To"/>) become names; <see cref="Due"/>
/// and <see cref="Until"/> (UTC, ISO 8601) become local times; <see cref="Text"/> is a person's own words and
/// <see cref="Error"/> a system error as it was raised, each shown quoted and never as part of the sentence;
/// <see cref="Keywords"/>, <see cref="Repeat"/>, <see cref="Verdict"/> and <see cref="NotKept"/> add an optional
/// part (<c>Timeline.Part.{name}</c>) when present; any other value is inserted as it is.
/// Public entries carry no personal data beyond the customer's own words: no addresses, no file names.
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

    /// <summary>Text kept verbatim (an error, a verdict), cut to <paramref name="max"/> characters so a row stays small.</summary>
    public static string Clip(string text, int max = 2000)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }

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

    /// <summary>A stage code (<see cref="Lifecycle.CaseStage"/>): where the case stood.</summary>
    public const string Stage = "stage";

    /// <summary>A whole number of things (evidence files).</summary>
    public const string Count = "count";

    /// <summary>A system error as raised (staff only), shown quoted.</summary>
    public const string Error = "error";

    /// <summary>The From address of a mail held for review (staff only).</summary>
    public const string Sender = "sender";

    /// <summary>Why a mail is held for review: <c>Held.*</c> codes (see <see cref="Inbound.ReplySender"/>).</summary>
    public const string Held = "held";

    /// <summary>SPF/DKIM verdicts as reported (staff only).</summary>
    public const string Verdict = "verdict";

    /// <summary>What marks a mail as automatic: <c>Automatic.*</c> codes (see <see cref="Inbound.AutomaticMail"/>).</summary>
    public const string Sign = "sign";

    /// <summary>Why attachments were refused: <c>Refused.*</c> codes, comma-separated (see <see cref="Inbound.RefusalCodes"/>).</summary>
    public const string Reasons = "reasons";

    /// <summary>The evidence limits a refusal names: MB per file, files per case, MB per case.</summary>
    public const string MaxFileMb = "maxFileMb";

    public const string MaxFiles = "maxFiles";

    public const string MaxTotalMb = "maxTotalMb";

    /// <summary>Names of attachments not kept (staff only).</summary>
    public const string NotKept = "notKept";

    /// <summary>Urgent keywords found at assessment.</summary>
    public const string Keywords = "keywords";

    /// <summary>Present when the assessment found a repeat complaint.</summary>
    public const string Repeat = "repeat";
}
