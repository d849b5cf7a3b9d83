namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>What happens at an SLA checkpoint: a reminder to the owner or an escalation up the chain.</summary>
public enum SlaCheckpointKind
{
    Reminder,
    Escalation,
}
