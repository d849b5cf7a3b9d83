namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>Settings of the initial assessment: the repeat window and the safety/health keywords that make a case urgent.</summary>
/// <remarks>
/// Keywords are matched case-insensitively in subject and description after NFKC normalisation (full-width letters count).
/// An all-ASCII keyword matches whole words only, optionally followed by a plural "s" ("fire" matches "Fire!" and
/// "fires", not "firefly"); spaces inside it match any run of whitespace. Any other keyword (Chinese) matches as a
/// substring anywhere. Note that configuration binding appends configured keywords to these defaults.
/// </remarks>
public sealed class AssessmentOptions
{
    public const string SectionName = "Assessment";

    /// <summary>Days back in which an earlier case by the same customer makes this one a repeat.</summary>
    public int RepeatWindowDays { get; set; } = 30;

    /// <summary>Safety/health words that make a case urgent; matched case-insensitively in subject + description.</summary>
    public List<string> UrgentKeywords { get; set; } =
    [
        // English
        "safety", "unsafe", "injury", "injuries", "injured", "hurt", "food poisoning", "poisoning", "fire", "smoke",
        "burn", "burned", "burnt", "electric shock", "explosion", "allergic", "hospital", "ambulance", "choking", "sick",
        // Chinese
        "受伤", "伤害", "食物中毒", "中毒", "起火", "着火", "火灾", "冒烟", "烧伤", "烫伤", "触电", "漏电", "爆炸", "过敏",
        "医院", "救护车", "安全", "窒息", "呕吐",
    ];

    /// <summary>Problems with these settings, one message each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RepeatWindowDays < 1)
        {
            errors.Add($"{SectionName}:RepeatWindowDays must be at least 1 (is {RepeatWindowDays}).");
        }

        if (UrgentKeywords is null)
        {
            errors.Add($"{SectionName}:UrgentKeywords must be a list.");
        }
        else if (UrgentKeywords.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{SectionName}:UrgentKeywords must not contain blank entries.");
        }

        return errors;
    }
}
