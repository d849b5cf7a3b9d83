namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>Section "Notifications": where links in mail point and who mail comes from.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The public address of the service, used in status and action links.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    public string FromAddress { get; set; } = "complaints@example.cn";

    public string FromName { get; set; } = "Complaint Centre 客户投诉中心";

    public IReadOnlyList<string> Validate() =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? []
            : [$"{SectionName}:PublicBaseUrl must be an absolute http(s) URL."];
}
