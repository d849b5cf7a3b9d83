using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Testing.Scenarios;

/// <summary>
/// A case driven from submission to its end, the same way on every engine: each step waits until the case is at
/// <see cref="ScenarioStep.Stage"/> and has recorded <see cref="ScenarioStep.AfterAction"/> once more, then raises its event.
/// </summary>
public sealed record CaseScenario(string Name, ComplaintSubmission Submission, IReadOnlyList<ScenarioStep> Steps, CaseOutcome ExpectedOutcome, IReadOnlyList<string> ExpectedActions)
{
    public override string ToString() => Name;
}

/// <summary>When the case is at <paramref name="Stage"/> with a new <paramref name="AfterAction"/> entry, raise <paramref name="EventName"/>.</summary>
public sealed record ScenarioStep(CaseStage Stage, string AfterAction, string EventName, object Payload);
