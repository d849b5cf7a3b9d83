using System.Globalization;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>A timeline entry as a reader sees it; <see cref="Quote"/> is a person's own words, to show quoted and encoded.</summary>
public sealed record TimelineLine(string Code, DateTime AtUtc, string When, string Actor, string Text, string? Quote, bool IsPublic);

/// <summary>
/// Renders timeline entries in the reader's language: the sentence <c>Timeline.{code}</c> filled from the entry's
/// parameters (codes become words, staff ids names, instants local times). An entry stored before parameters
/// existed reads as <c>Timeline.{code}.Short</c> with its stored detail as the quote; an unknown code as
/// <c>Timeline.Unknown</c>.
/// </summary>
public sealed class TimelineText(CaseTimes times, StaffDirectory? directory = null)
{
    private static readonly Dictionary<string, string> CodePrefixes = new(StringComparer.Ordinal)
    {
        [P.Channel] = "Channel.",
        [P.Urgency] = "Urgency.",
        [P.Party] = "Party.",
        [P.Outcome] = "Outcome.",
        [P.Role] = "Role.",
        [P.Task] = "Task.",
    };

    private static readonly HashSet<string> StaffIds = new(StringComparer.Ordinal) { P.Owner, P.Approver, P.From, P.To };

    public IReadOnlyList<TimelineLine> Render(IEnumerable<TimelineEntry> entries, CultureInfo culture) =>
        [.. entries.Select(e => Render(e, culture))];

    public TimelineLine Render(TimelineEntry entry, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(culture);
        var (text, quote) = Sentence(entry, culture);
        return new TimelineLine(entry.Action, entry.AtUtc, times.At(entry.AtUtc, culture), CaseLabels.Actor(entry.Actor, culture, StaffName), text, quote, entry.IsPublic);
    }

    private (string Text, string? Quote) Sentence(TimelineEntry entry, CultureInfo culture)
    {
        var key = "Timeline." + entry.Action;
        var sentence = CaseTexts.Find(key, culture);
        if (sentence is null)
        {
            return (CaseTexts.Get("Timeline.Unknown", culture), entry.Detail);
        }

        var title = CaseTexts.Find(key + ".Short", culture) ?? sentence;
        if (entry.Parameters is not { } parameters)
        {
            // Stored before codes had parameters: the short title, and the stored detail as it was written.
            return (title, entry.Detail);
        }

        var names = Placeholders.Names(sentence);
        if (!names.All(parameters.ContainsKey))
        {
            return (title, parameters.GetValueOrDefault(P.Text));
        }

        var values = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => Value(n, parameters, culture), StringComparer.Ordinal);
        return (Placeholders.Fill(sentence, values, (_, value) => value, literal => literal), parameters.GetValueOrDefault(P.Text));
    }

    private string Value(string name, IReadOnlyDictionary<string, string> parameters, CultureInfo culture)
    {
        var value = parameters[name];
        return name switch
        {
            P.Remedy => RemedyText.Label(value, parameters.GetValueOrDefault(P.Amount), culture),
            P.Amount => CaseMoney.Format(value, culture),
            P.Due => Instant(value) is { } due ? times.Deadline(due, culture) : value,
            P.Until => Instant(value) is { } until ? times.Date(until, culture) : value,
            _ when CodePrefixes.TryGetValue(name, out var prefix) => CaseLabels.Code(prefix, value, culture),
            _ when StaffIds.Contains(name) => StaffName(value) ?? value,
            _ => value,
        };
    }

    private string? StaffName(string id) => directory?.Find(id)?.Name;

    private static DateTime? Instant(string value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) ? utc : null;
}
