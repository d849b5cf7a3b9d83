namespace ServerlessComplaints.Workflow.Security;

/// <summary>Section "Security": keys for status links and staff API keys (staff id → key). Never committed; dev keys are generated.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    public string StatusLinkKey { get; set; } = "";

    public IReadOnlyList<string> Validate() =>
        StatusLinkKey.Length >= 32 ? [] : [$"{SectionName}:StatusLinkKey must be at least 32 characters (a random secret)."];
}
