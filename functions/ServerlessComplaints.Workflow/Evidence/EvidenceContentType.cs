using System.Buffers;
using System.Text;

namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>The allow-listed content types, recognised from the bytes alone: a declared name or type proves nothing.</summary>
internal static class EvidenceContentType
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";
    public const string PlainText = "text/plain";

    /// <summary>The file name extensions of each allowed type; the first is the one a name without any of them gets.</summary>
    private static readonly Dictionary<string, string[]> ExtensionsByType = new(StringComparer.OrdinalIgnoreCase)
    {
        [Jpeg] = [".jpg", ".jpeg"],
        [Png] = [".png"],
        [Gif] = [".gif"],
        [WebP] = [".webp"],
        [Pdf] = [".pdf"],
        [PlainText] = [".txt"],
    };

    /// <summary>The extensions a file of <paramref name="contentType"/> may carry; empty for a type outside the allow-list.</summary>
    public static IReadOnlyList<string> Extensions(string? contentType) =>
        contentType is not null && ExtensionsByType.TryGetValue(contentType, out var extensions) ? extensions : [];

    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        return IsPlainText(content) ? PlainText : null;
    }

    // Valid UTF-8 without control characters other than tab, line feed, form feed and carriage return.
    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        while (!content.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(content, out var rune, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            if (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\f' or '\r'))
            {
                return false;
            }

            content = content[consumed..];
        }

        return true;
    }
}
