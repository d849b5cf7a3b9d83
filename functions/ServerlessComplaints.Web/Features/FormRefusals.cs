using System.Globalization;
using System.Text;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The errors of a refused form post in the page's words. Each file's error names the file ("“photo.heic” is not a
/// type we accept …"): which files are refused is the Workflow's decision (<see cref="EvidenceInspector"/>,
/// <see cref="EvidenceBatchCheck"/>; their messages are the API's English), this says why in the customer's language by
/// the same rules and limits, and only that a file "could not be accepted" for a reason it does not know. A choice
/// the form offers as a list (kind, category) reads "please choose one" rather than listing the API's codes.
/// </summary>
internal sealed class FormRefusals(IntakeLimits limits, EvidenceInspector inspector, PageText text)
{
    private const string FilePrefix = EvidenceBatchCheck.ErrorKey + "[";

    // A name longer than this is shown shortened: the message is about the name, not a wall of it.
    private const int ShownNameLength = 60;

    // The form's lists: whatever is wrong with one, the customer's remedy is to choose from it.
    private static readonly HashSet<string> Choices = new(StringComparer.Ordinal) { "kind", "category", "desiredRemedy" };

    /// <summary>
    /// <paramref name="errors"/> (the Workflow's, its field errors already in <paramref name="language"/>) with every
    /// evidence error and every choice's error reworded in <paramref name="language"/>; other fields' errors as they are.
    /// </summary>
    public Dictionary<string, string[]> Reword(IReadOnlyDictionary<string, string[]> errors, IReadOnlyList<EvidenceUpload> files, string language) =>
        errors.ToDictionary(
            e => e.Key,
            e => e.Key == EvidenceBatchCheck.ErrorKey ? Batch(files, language)
                : IndexOf(e.Key) is { } i && i < files.Count ? [File(files[i], i, language)]
                : Choices.Contains(e.Key) ? [text.In(language, "Form.ChooseOne")]
                : e.Value,
            StringComparer.Ordinal);

    /// <summary>The files' index in an error key ("evidence[2]" → 2), or null for any other key.</summary>
    public static int? IndexOf(string key) =>
        key.StartsWith(FilePrefix, StringComparison.Ordinal) && key.EndsWith(']')
        && int.TryParse(key.AsSpan(FilePrefix.Length, key.Length - FilePrefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? i
            : null;

    /// <summary>The words for the whole selection: too many files, too many bytes together (also a post too large to read).</summary>
    public string[] Batch(IReadOnlyList<EvidenceUpload> files, string language)
    {
        var messages = new List<string>(2);
        if (files.Count > limits.MaxEvidenceFiles)
        {
            messages.Add(Say(language, "Evidence.TooMany", ("count", Number(files.Count)), ("max", Number(limits.MaxEvidenceFiles))));
        }

        if (files.Sum(f => (long)f.Content.Length) > limits.MaxEvidenceTotalBytes)
        {
            messages.Add(TotalTooLarge(language));
        }

        return messages.Count > 0 ? [.. messages] : [Say(language, "Evidence.BatchRefused")];
    }

    /// <summary>The selection is larger than the limit on all files together.</summary>
    public string TotalTooLarge(string language) => Say(language, "Evidence.TotalTooLarge", ("max", Megabytes(limits.MaxEvidenceTotalBytes)));

    /// <summary>Why one file is refused, naming it; the inspector's rules in its order.</summary>
    public string File(EvidenceUpload upload, int index, string language)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var name = upload.FileName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Say(language, "Evidence.NameMissing", ("number", Number(index + 1)));
        }

        var file = ("file", Shown(name));
        if (name.Length > EvidenceInspector.MaxFileNameLength)
        {
            return Say(language, "Evidence.NameTooLong", file, ("max", Number(EvidenceInspector.MaxFileNameLength)));
        }

        if (name.AsSpan().ContainsAny('/', '\\', ':') || name.Contains("..", StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            return Say(language, "Evidence.NameCharacters", file);
        }

        return name.StartsWith('.') ? Say(language, "Evidence.NameDot", file)
            : upload.Content.IsEmpty ? Say(language, "Evidence.Empty", file)
            : upload.Content.Length > limits.MaxEvidenceFileBytes ? Say(language, "Evidence.TooLarge", file, ("max", Megabytes(limits.MaxEvidenceFileBytes)))
            : inspector.Inspect(name, upload.Content.Span).Error == EvidenceInspector.TypeNotAllowed ? Say(language, "Evidence.WrongType", file)
            : Say(language, "Evidence.Refused", file);
    }

    /// <summary>
    /// The limits and the words for form.js, as data attributes of the file input: it checks the count and the sizes
    /// before uploading (a phone need not send 40 MB to hear that 25 MB is the limit) and fills in <c>{file}</c> and
    /// <c>{count}</c> itself. The server checks everything again.
    /// </summary>
    public Dictionary<string, object> ScriptChecks(string language) => new(StringComparer.Ordinal)
    {
        ["data-max-files"] = Number(limits.MaxEvidenceFiles),
        ["data-max-file-bytes"] = Number(limits.MaxEvidenceFileBytes),
        ["data-max-total-bytes"] = Number(limits.MaxEvidenceTotalBytes),
        ["data-too-many"] = Say(language, "Evidence.TooMany", ("count", "{count}"), ("max", Number(limits.MaxEvidenceFiles))),
        ["data-too-large"] = Say(language, "Evidence.TooLarge", ("file", "{file}"), ("max", Megabytes(limits.MaxEvidenceFileBytes))),
        ["data-total-too-large"] = TotalTooLarge(language),
        ["data-empty"] = Say(language, "Evidence.Empty", ("file", "{file}")),
    };

    /// <summary>The form's hint on what may be attached: the types and the limits in force.</summary>
    public string Hint(string language) =>
        Say(language, "Form.EvidenceHint", ("files", Number(limits.MaxEvidenceFiles)), ("size", Megabytes(limits.MaxEvidenceFileBytes)), ("total", Megabytes(limits.MaxEvidenceTotalBytes)));

    private string Say(string language, string key, params (string Name, string Value)[] values) =>
        text.FormatIn(language, key, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    // What the customer called the file, safe to show: control and format characters (a bidi override) as U+FFFD, shortened.
    private static string Shown(string name)
    {
        var shown = new StringBuilder(Math.Min(name.Length, ShownNameLength + 1));
        foreach (var rune in name.EnumerateRunes())
        {
            if (shown.Length >= ShownNameLength)
            {
                return shown.Append('…').ToString();
            }

            shown.Append(Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format ? "\uFFFD" : rune.ToString());
        }

        return shown.ToString();
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.##", CultureInfo.InvariantCulture);
}
