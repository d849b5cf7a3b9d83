using System.Globalization;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>A timeline entry as a reader sees it; <see cref="Quote"/> is a person's own words, to show quoted and encoded.</summary>
public sealed record TimelineLine(string Code, DateTime AtUtc, string When, string Actor, string Text, string? Quote, bool IsPublic);

/// <summary>
/// Renders timeline entries in the reader's language: the sentence <c>Timeline.{code}</c> filled from the entry's
/// parameters (codes become words, staff ids names, instants local times, refusal reasons a list), followed by the
/// optional parts (<c>Timeline.Part.{name}</c>) whose parameters the entry has. An entry stored before parameters
/// existed reads as <c>Timeline.{code}.Short</c> with its stored detail as the quote; an unknown code as
/// <c>Timeline.Unknown</c>; an entry lacking a parameter its sentence names as the short title.
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
        [P.Stage] = "Stage.",
        [P.Held] = "Held.",
        [P.Sign] = "Automatic.",
    };

    // In this order after the sentence, each when the entry has the parameter and the sentence does not name it.
    private static readonly string[] Parts = [P.Keywords, P.Repeat, P.Verdict, P.NotKept];

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

        var quote = parameters.GetValueOrDefault(P.Text) ?? parameters.GetValueOrDefault(P.Error);
        var names = Placeholders.Names(sentence);
        if (!names.All(parameters.ContainsKey))
        {
            return (title, quote);
        }

        var text = Fill(sentence, parameters, culture);
        foreach (var part in Parts.Where(p => parameters.ContainsKey(p) && !names.Contains(p)))
        {
            text += Fill(CaseTexts.Get("Timeline.Part." + part, culture), parameters, culture);
        }

        return (text, quote);
    }

    private string Fill(string template, IReadOnlyDictionary<string, string> parameters, CultureInfo culture)
    {
        var values = Placeholders.Names(template).Distinct(StringComparer.Ordinal).Where(parameters.ContainsKey)
            .ToDictionary(n => n, n => Value(n, parameters, culture), StringComparer.Ordinal);
        return Placeholders.Fill(template, values, (_, value) => value, literal => literal);
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
            P.Reasons => string.Join(
                CaseTexts.Get("Timeline.ListSeparator", culture),
                value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)
                    .Select(code => CaseTexts.Find("Refused." + code, culture) is { } reason ? Fill(reason, parameters, culture) : code)),
            _ when CodePrefixes.TryGetValue(name, out var prefix) => CaseLabels.Code(prefix, value, culture),
            _ when StaffIds.Contains(name) => StaffName(value) ?? value,
            _ => value,
        };
    }

    private string? StaffName(string id) => directory?.Find(id)?.Name;

    private static DateTime? Instant(string value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) ? utc : null;
}
