namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Configurable size limits for intake (section <c>Intake</c>); defaults from DESIGN.md §3.</summary>
public sealed class IntakeLimits
{
    public const string SectionName = "Intake";

    // RFC 5321 caps a forward path at 256 octets including the angle brackets.
    private const int EmailLengthCeiling = 254;

    public int MaxSubjectLength { get; set; } = 200;

    public int MaxDescriptionLength { get; set; } = 10_000;

    public int MaxNameLength { get; set; } = 100;

    public int MaxEmailLength { get; set; } = EmailLengthCeiling;

    public int MaxPhoneLength { get; set; } = 32;

    public int MaxLocationLength { get; set; } = 200;

    public int MaxOrderReferenceLength { get; set; } = 100;

    public int MaxEvidenceFiles { get; set; } = 5;

    public long MaxEvidenceFileBytes { get; set; } = 10L * 1024 * 1024;

    public long MaxEvidenceTotalBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequirePositive(problems, nameof(MaxSubjectLength), MaxSubjectLength);
        RequirePositive(problems, nameof(MaxDescriptionLength), MaxDescriptionLength);
        RequirePositive(problems, nameof(MaxNameLength), MaxNameLength);
        RequirePositive(problems, nameof(MaxLocationLength), MaxLocationLength);
        RequirePositive(problems, nameof(MaxOrderReferenceLength), MaxOrderReferenceLength);
        RequirePositive(problems, nameof(MaxEvidenceFiles), MaxEvidenceFiles);
        RequirePositive(problems, nameof(MaxEvidenceFileBytes), MaxEvidenceFileBytes);
        RequirePositive(problems, nameof(MaxEvidenceTotalBytes), MaxEvidenceTotalBytes);
        if (MaxEmailLength is < 6 or > EmailLengthCeiling)
        {
            problems.Add($"{SectionName}:{nameof(MaxEmailLength)} must be between 6 and {EmailLengthCeiling}.");
        }

        if (MaxPhoneLength < PhoneNumberRule.MinLength)
        {
            problems.Add($"{SectionName}:{nameof(MaxPhoneLength)} must be at least {PhoneNumberRule.MinLength}.");
        }

        if (MaxEvidenceFileBytes > MaxEvidenceTotalBytes)
        {
            problems.Add($"{SectionName}:{nameof(MaxEvidenceFileBytes)} must not exceed {nameof(MaxEvidenceTotalBytes)}.");
        }

        return problems;
    }

    private static void RequirePositive(List<string> problems, string name, long value)
    {
        if (value <= 0)
        {
            problems.Add($"{SectionName}:{name} must be positive.");
        }
    }
}
