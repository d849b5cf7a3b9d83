namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>Remedy amount limits per role, in currency units: each role may approve up to and including its limit.</summary>
public sealed class AuthorityOptions
{
    public const string SectionName = "Authority";

    public decimal StaffLimit { get; set; } = 200m;

    public decimal SupervisorLimit { get; set; } = 1000m;

    /// <summary>The manager's limit; null means unlimited. Above it only the centre head may approve.</summary>
    public decimal? ManagerLimit { get; set; }

    /// <summary>Problems with these limits, one message each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StaffLimit <= 0)
        {
            errors.Add($"{SectionName}:StaffLimit must be positive (is {StaffLimit}).");
        }

        if (SupervisorLimit <= StaffLimit)
        {
            errors.Add($"{SectionName}:SupervisorLimit ({SupervisorLimit}) must be greater than StaffLimit ({StaffLimit}).");
        }

        if (ManagerLimit is { } manager && manager <= SupervisorLimit)
        {
            errors.Add($"{SectionName}:ManagerLimit ({manager}) must be greater than SupervisorLimit ({SupervisorLimit}), or empty for unlimited.");
        }

        return errors;
    }
}
