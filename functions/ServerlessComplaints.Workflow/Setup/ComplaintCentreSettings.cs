using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Retention;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Setup;

/// <summary>All the settings of a complaint centre, one property per configuration section, validated together at start.</summary>
public sealed class ComplaintCentreSettings
{
    public SlaOptions Sla { get; set; } = new();

    public AssessmentOptions Assessment { get; set; } = new();

    public StaffDirectoryOptions StaffDirectory { get; set; } = StaffDirectoryOptions.Sample();

    public AuthorityOptions Authority { get; set; } = new();

    public IntakeLimits Intake { get; set; } = new();

    public WorkflowSettings Workflow { get; set; } = new();

    public NotificationOptions Notifications { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    /// <summary>The Inbound Parse webhook; without a secret it refuses every post.</summary>
    public InboundEmailOptions InboundEmail { get; set; } = new();

    /// <summary>Defaults to a random key per process: hosts that must keep status links valid across restarts set one.</summary>
    /// <summary>Defaults to a random key per process: hosts that must keep links valid across restarts configure keys.</summary>
    public ActionTokenOptions ActionTokens { get; set; } = ActionTokenOptions.WithRandomKey();

    public SecurityOptions Security { get; set; } = new() { StatusLinkKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };

    /// <summary>Folder with the per-region calendar files; default: the Calendars folder next to the app.</summary>
    public string? CalendarDirectory { get; set; }

    public IReadOnlyList<string> Validate() =>
    [
        .. Sla.Validate(),
        .. Assessment.Validate(),
        .. StaffDirectory.Validate(),
        .. Authority.Validate(),
        .. Intake.Validate(),
        .. Workflow.Validate(),
        .. Notifications.Validate(),
        .. Retention.Validate(),
        .. Security.Validate(),
        .. ActionTokens.Validate(),
        .. InboundEmail.Validate(),
    ];
}
