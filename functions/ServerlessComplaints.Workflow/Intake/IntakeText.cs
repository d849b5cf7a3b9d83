namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Character checks shared by the free-text fields of a submission.</summary>
internal static class IntakeText
{
    /// <summary>Trims the value; an empty or blank value becomes null.</summary>
    public static string? Normalise(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>True when the value would break a mail header or a single-line display.</summary>
    public static bool HasLineBreak(string value) =>
        value.AsSpan().IndexOfAny("\r\n\u0085\u2028\u2029") >= 0;

    /// <summary>True for control characters other than, in multi-line text, CR, LF and tab.</summary>
    public static bool HasControlCharacter(string value, bool multiline)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\r' or '\n' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text contains a CJK ideograph (Chinese characters).</summary>
    public static bool HasCjkIdeograph(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF)
                or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F))
            {
                return true;
            }
        }

        return false;
    }
}
