namespace ServerlessComplaints.Workflow.Domain;

/// <summary>The languages the centre answers in; stored as their BCP 47 tags.</summary>
public static class CaseLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static bool IsSupported(string? tag) => tag is Chinese or English;
}
