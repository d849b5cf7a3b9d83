using System.Globalization;
using System.Text;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Character checks shared by the free-text fields of a submission.</summary>
internal static class IntakeText
{
    private const int ZeroWidthJoiner = 0x200D;

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

    /// <summary>
    /// The first bidirectional formatting character (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069,
    /// marks U+200E, U+200F, U+061C) or zero-width character (U+200B–U+200D, U+2060–U+2064, U+FEFF, the deprecated
    /// U+206A–U+206F) in the value, or null. They reorder or hide what staff and customers read, so a field holding
    /// one is refused rather than silently changed. Multi-line text may keep a zero-width joiner inside an emoji
    /// sequence (emoji, an optional U+FE0F or skin tone, ZWJ, emoji: woman + ZWJ + laptop), which is how such emoji are written.
    /// </summary>
    public static Rune? InvisibleFormatting(string value, bool multiline)
    {
        var runes = value.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            if (IsRefusedAt(runes, i, multiline))
            {
                return runes[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The value without what <see cref="InvisibleFormatting"/> refuses: for a channel that cannot ask its sender to
    /// correct a field (inbound mail), where refusing would lose the message.
    /// </summary>
    public static string WithoutInvisibleFormatting(string value, bool multiline)
    {
        var runes = value.EnumerateRunes().ToArray();
        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < runes.Length; i++)
        {
            if (!IsRefusedAt(runes, i, multiline))
            {
                kept.Append(runes[i].ToString());
            }
        }

        return kept.ToString();
    }

    private static bool IsRefusedAt(Rune[] runes, int i, bool multiline) =>
        IsInvisibleFormatting(runes[i].Value)
        && !(multiline && runes[i].Value == ZeroWidthJoiner && i > 0 && IsEmojiPart(runes[i - 1]) && i + 1 < runes.Length && IsEmoji(runes[i + 1]));

    private static bool IsInvisibleFormatting(int c) =>
        c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C
            or (>= 0x200B and <= 0x200D) or (>= 0x2060 and <= 0x2064) or (>= 0x206A and <= 0x206F) or 0xFEFF;

    private static bool IsEmoji(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;

    // What may stand before the joiner of an emoji sequence: the emoji, its presentation selector or a skin tone.
    private static bool IsEmojiPart(Rune rune) => IsEmoji(rune) || rune.Value is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF);
}
