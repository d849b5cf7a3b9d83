using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Web.Mail;

public enum MailSegmentKind
{
    Text,
    Break,
    Link,
}

/// <summary>A run of text, a line break or a product link in a mail paragraph.</summary>
public sealed record MailSegment(MailSegmentKind Kind, string Text = "");

/// <summary>
/// A mail body cut into paragraphs for <see cref="MailLayout"/>: a blank line ends a paragraph, a single line break
/// stays a break; http(s) URLs become links only in parts the product wrote (<see cref="MailPart.ProductLinks"/>).
/// </summary>
public static partial class MailSegments
{
    public static IReadOnlyList<IReadOnlyList<MailSegment>> Paragraphs(MailBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var paragraphs = new List<IReadOnlyList<MailSegment>>();
        var current = new List<MailSegment>();
        var pendingBreaks = 0;
        foreach (var segment in body.Parts.SelectMany(Segments))
        {
            if (segment.Kind == MailSegmentKind.Break)
            {
                pendingBreaks++;
                continue;
            }

            if (pendingBreaks > 0 && current.Count > 0)
            {
                if (pendingBreaks > 1)
                {
                    paragraphs.Add(current);
                    current = [];
                }
                else
                {
                    current.Add(segment with { Kind = MailSegmentKind.Break, Text = "" });
                }
            }

            pendingBreaks = 0;
            current.Add(segment);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    private static IEnumerable<MailSegment> Segments(MailPart part)
    {
        var lines = part.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                yield return new MailSegment(MailSegmentKind.Break);
            }

            foreach (var segment in part.ProductLinks ? Linked(lines[i]) : Plain(lines[i]))
            {
                yield return segment;
            }
        }
    }

    private static IEnumerable<MailSegment> Plain(string line) => line.Length == 0 ? [] : [new MailSegment(MailSegmentKind.Text, line)];

    private static IEnumerable<MailSegment> Linked(string line)
    {
        var at = 0;
        foreach (Match match in Url().Matches(line))
        {
            foreach (var text in Plain(line[at..match.Index]))
            {
                yield return text;
            }

            yield return new MailSegment(MailSegmentKind.Link, match.Value);
            at = match.Index + match.Length;
        }

        foreach (var text in Plain(line[at..]))
        {
            yield return text;
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Url();
}
