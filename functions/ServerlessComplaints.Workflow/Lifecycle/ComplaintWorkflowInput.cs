using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// The orchestration input: the validated case and the settings it runs under. <see cref="Version"/> is set from
/// the first release so that a changed workflow can keep replaying the histories of cases already running.
/// </summary>
public sealed record ComplaintWorkflowInput(int Version, ComplaintDetails Details, WorkflowSettings Settings);
