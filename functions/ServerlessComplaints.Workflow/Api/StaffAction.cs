using ServerlessComplaints.Workflow.Authorization;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>One workflow action: which it is, and how its body becomes the event payload (or field errors).</summary>
internal sealed record StaffAction(CaseAction Action, Func<StaffActionBody, string, StaffActionFields, object> Build)
{
    public CaseActionRule Rule => CaseActions.Of(Action);
}
