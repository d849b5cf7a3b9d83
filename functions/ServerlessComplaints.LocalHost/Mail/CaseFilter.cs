using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>The mailbox's <c>?case=</c>: a tracking number, typed as people type it (spaces, lower case), or nothing for every mail.</summary>
internal static class CaseFilter
{
    public static bool TryRead(string? typed, out string? trackingNumber)
    {
        trackingNumber = string.IsNullOrWhiteSpace(typed) ? null : typed.Trim().ToUpperInvariant();
        return trackingNumber is null || TrackingNumber.IsValid(trackingNumber);
    }

    public static string Error(string typed)
    {
        var shown = typed.Trim();
        return $"“{(shown.Length > 40 ? shown[..40] + "…" : shown)}” is not a tracking number: they read like CMP-20261123-7K3Q9Z.";
    }
}
