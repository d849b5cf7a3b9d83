using System.Globalization;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>Limits on a submission's files taken together: how many and how many bytes in total.</summary>
public static class EvidenceBatchCheck
{
    public const string ErrorKey = "evidence";

    /// <summary>Errors under <see cref="ErrorKey"/>; empty when the batch is within <paramref name="limits"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> Check(IReadOnlyList<(string? FileName, int Length)> files, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<string>(2);
        if (files.Count > limits.MaxEvidenceFiles)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"at most {limits.MaxEvidenceFiles} files may be attached"));
        }

        if (files.Sum(f => (long)f.Length) > limits.MaxEvidenceTotalBytes)
        {
            errors.Add($"files may total at most {EvidenceInspector.Megabytes(limits.MaxEvidenceTotalBytes)} MB");
        }

        return errors.Count == 0
            ? new Dictionary<string, string[]>(StringComparer.Ordinal)
            : new Dictionary<string, string[]>(StringComparer.Ordinal) { [ErrorKey] = [.. errors] };
    }
}
