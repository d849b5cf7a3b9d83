namespace ServerlessComplaints.Workflow.Security;

/// <summary>
/// Section "ActionTokens": HMAC keys by key id (two may be active during a rotation: new links are signed with
/// <see cref="ActiveKeyId"/>, links signed with any listed key still verify) and link lifetimes.
/// </summary>
public sealed class ActionTokenOptions
{
    public const string SectionName = "ActionTokens";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public string ActiveKeyId { get; set; } = "";

    public TimeSpan StaffLinkLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan CustomerLinkLifetime { get; set; } = TimeSpan.FromDays(10);

    public static ActionTokenOptions WithRandomKey()
    {
        var options = new ActionTokenOptions { ActiveKeyId = "k1" };
        options.Keys["k1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return options;
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Keys.TryGetValue(ActiveKeyId, out _))
        {
            errors.Add($"{SectionName}:ActiveKeyId must name one of {SectionName}:Keys.");
        }

        errors.AddRange(Keys.Where(k => k.Value.Length < 32 || k.Key.Contains('.', StringComparison.Ordinal))
            .Select(k => $"{SectionName}:Keys:{k.Key} must be at least 32 characters, and key ids contain no '.'."));
        if (StaffLinkLifetime <= TimeSpan.Zero || CustomerLinkLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}: link lifetimes must be positive.");
        }

        return errors;
    }
}
