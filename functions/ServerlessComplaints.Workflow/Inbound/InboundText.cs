using System.Text;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>Makes mail text fit intake's field rules: no control characters, single lines where required, within a length.</summary>
internal static class InboundText
{
    public static string? Clean(string? value, int maxLength, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Mail converted from HTML is full of zero-width spaces and BOMs: strip them (a mail cannot show a field error).
        value = Intake.IntakeText.WithoutInvisibleFormatting(value, multiline);
        var text = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (multiline && c is '\n' or '\t')
            {
                text.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                // Single-line fields fold every run of whitespace (line breaks included) into one space.
                pendingSpace = !multiline;
                if (multiline)
                {
                    text.Append(' ');
                }
            }
            else if (!char.IsControl(c))
            {
                if (pendingSpace && text.Length > 0)
                {
                    text.Append(' ');
                }

                pendingSpace = false;
                text.Append(c);
            }
        }

        var cleaned = text.ToString().Trim();
        return cleaned.Length == 0 ? null : Truncate(cleaned, maxLength);
    }

    /// <summary>At most <paramref name="maxLength"/> characters, cut with "…" and never inside a surrogate pair.</summary>
    public static string Truncate(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return string.Concat(value.AsSpan(0, cut), "…");
    }

    /// <summary>A file name fit to show on a timeline.</summary>
    public static string FileName(string? name) => Clean(name, 100, multiline: false) ?? "(unnamed)";
}
