using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>Why an attachment was not kept as evidence, as codes (<c>Refused.{code}</c> in the case texts).</summary>
public static class RefusalCodes
{
    public const string FileName = "file-name";
    public const string FileEmpty = "file-empty";
    public const string FileTooLarge = "file-too-large";
    public const string FileType = "file-type";
    public const string TooManyFiles = "too-many-files";
    public const string TotalTooLarge = "total-too-large";

    /// <summary>
    /// The code of a file <see cref="EvidenceInspector"/> refused. It checks name, emptiness, size and type, in that
    /// order; whatever is not the type, empty or too large was the name.
    /// </summary>
    public static string OfFile(EvidenceInspection inspection, int length, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(limits);
        return inspection.Error switch
        {
            EvidenceInspector.TypeNotAllowed => FileType,
            _ when length == 0 => FileEmpty,
            _ when length > limits.MaxEvidenceFileBytes => FileTooLarge,
            _ => FileName,
        };
    }

    /// <summary>The codes of a batch <see cref="EvidenceBatchCheck"/> refused: too many files, too many bytes, or both.</summary>
    public static IReadOnlyList<string> OfBatch(IReadOnlyList<(string? FileName, int Length)> files, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        var codes = new List<string>(2);
        if (files.Count > limits.MaxEvidenceFiles)
        {
            codes.Add(TooManyFiles);
        }

        if (files.Sum(f => (long)f.Length) > limits.MaxEvidenceTotalBytes)
        {
            codes.Add(TotalTooLarge);
        }

        return codes;
    }

    /// <summary>The limits the <c>Refused.*</c> sentences name, as timeline parameters.</summary>
    public static Dictionary<string, string> Limits(IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new(StringComparer.Ordinal)
        {
            [Cases.TimelineParameters.MaxFileMb] = EvidenceInspector.Megabytes(limits.MaxEvidenceFileBytes),
            [Cases.TimelineParameters.MaxFiles] = Cases.TimelineParameters.Number(limits.MaxEvidenceFiles),
            [Cases.TimelineParameters.MaxTotalMb] = EvidenceInspector.Megabytes(limits.MaxEvidenceTotalBytes),
        };
    }
}
