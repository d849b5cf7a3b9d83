namespace ServerlessComplaints.Workflow.Retention;

/// <summary>Section "Retention": how often the sweep runs and how many expired cases it reads at a time.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Time between sweeps of the local service (Azure uses its timer trigger's schedule).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Expired cases read per query.</summary>
    public int BatchSize { get; set; } = 100;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SweepInterval < TimeSpan.FromSeconds(1) || SweepInterval > TimeSpan.FromDays(7))
        {
            errors.Add($"{SectionName}:SweepInterval must be between 1 second and 7 days.");
        }

        // A table query page holds at most 1,000 rows.
        if (BatchSize is < 1 or > 1000)
        {
            errors.Add($"{SectionName}:BatchSize must be between 1 and 1000.");
        }

        return errors;
    }
}
