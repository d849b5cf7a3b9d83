using System.Globalization;
using System.Text;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>
/// Checks one uploaded file before it is stored: a usable name, a size within <see cref="IntakeLimits"/> and a type
/// from the allow-list judged by its bytes (JPEG, PNG, GIF, WebP, PDF or UTF-8 plain text).
/// </summary>
public sealed class EvidenceInspector(IntakeLimits limits)
{
    public const int MaxFileNameLength = 100;

    public const string TypeNotAllowed = "file type not allowed (JPEG, PNG, GIF, WebP, PDF or plain text)";

    public EvidenceInspection Inspect(string? fileName, ReadOnlySpan<byte> content)
    {
        if (NameError(fileName) is { } nameError)
        {
            return EvidenceInspection.Refused(nameError);
        }

        if (content.IsEmpty)
        {
            return EvidenceInspection.Refused("file is empty");
        }

        if (content.Length > limits.MaxEvidenceFileBytes)
        {
            return EvidenceInspection.Refused($"file is larger than {Megabytes(limits.MaxEvidenceFileBytes)} MB");
        }

        return EvidenceContentType.Sniff(content) is { } contentType
            ? new EvidenceInspection(FileNameFor(SafeName(fileName!), contentType), contentType, null)
            : EvidenceInspection.Refused(TypeNotAllowed);
    }

    /// <summary>
    /// The name with an extension of the sniffed type: kept when it has one (<c>photo.JPG</c>), otherwise the type's
    /// extension is appended (<c>x.html</c> holding plain text becomes <c>x.html.txt</c>). Appending rather than replacing
    /// keeps the customer's name recognisable while the last extension, the one browsers and desktops act on, is
    /// always the type the bytes were judged to be. A type outside the allow-list gets <c>.bin</c>.
    /// </summary>
    public static string FileNameFor(string safeName, string? contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(safeName);

        // Trailing dots and spaces are dropped by Windows and would put ".." before an appended extension.
        var name = safeName.TrimEnd('.', ' ');
        var extensions = EvidenceContentType.Extensions(contentType);
        if (extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase) && name.Length > e.Length))
        {
            return name;
        }

        return name + (extensions.Count > 0 ? extensions[0] : ".bin");
    }

    /// <summary>A byte count in MB (MiB) for messages: "10", "2.5".</summary>
    internal static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.##", CultureInfo.InvariantCulture);

    private static string? NameError(string? fileName)
    {
        var name = fileName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return "file name is required";
        }

        if (name.Length > MaxFileNameLength)
        {
            return $"file name must be at most {MaxFileNameLength} characters";
        }

        if (name.AsSpan().ContainsAny('/', '\\', ':') || name.Contains("..", StringComparison.Ordinal))
        {
            return "file name must not contain path characters (/ \\ : ..)";
        }

        if (name.Any(char.IsControl))
        {
            return "file name must not contain control characters";
        }

        return name.StartsWith('.') ? "file name must not start with '.'" : null;
    }

    // Letters (CJK included), digits, space and . - _ ( ) stay; anything else, such as a bidi override, becomes '_'.
    private static string SafeName(string fileName)
    {
        var safe = new StringBuilder(fileName.Length);
        foreach (var rune in fileName.Trim().Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var kept = Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '.' or '-' or '_' or '(' or ')';
            if (kept)
            {
                safe.Append(rune.ToString());
            }
            else
            {
                safe.Append('_');
            }
        }

        return safe.ToString();
    }
}
