using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>Assesses urgency (keywords, repeat within the window), routes to a department and owner, plans the SLA.</summary>
public sealed class AssessComplaint(
    IComplaintStore store,
    ITimelineStore timeline,
    InitialAssessment assessment,
    AssessmentOptions options,
    StaffDirectory directory,
    SlaClock clock) : WorkflowActivity<string, CaseAssessment>
{
    public override async Task<CaseAssessment> RunAsync(string input, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(input, cancellationToken) ?? throw new KeyNotFoundException($"No case '{input}'.");
        var details = record.Details;
        var since = details.ReceivedAtUtc.AddDays(-options.RepeatWindowDays);
        var prior = await store.CountRecentByCustomerAsync(details.Customer, since, details.TrackingNumber, cancellationToken);
        var result = assessment.Assess(details, prior);
        var department = directory.DepartmentFor(details.Category);
        var plan = clock.Plan(details.Kind, details.ReceivedAtUtc);

        await store.UpdateAsync(input, r => r with
        {
            Urgency = result.Urgency,
            AssessmentReasons = result.Reasons,
            DepartmentId = department.Id,
            OwnerId = department.OwnerId,
            DueAtUtc = plan.DueUtc,
            Stage = CaseStage.Investigation,
        }, cancellationToken);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TimelineParameters.Urgency] = Localization.WireNames.Of(result.Urgency),
            [TimelineParameters.Owner] = department.OwnerId,
        };
        if (result.MatchedKeywords.Count > 0)
        {
            parameters[TimelineParameters.Keywords] = string.Join(", ", result.MatchedKeywords);
        }

        if (result.IsRepeat)
        {
            parameters[TimelineParameters.Repeat] = "true";
        }

        await timeline.AppendAsync(TimelineEntry.Of(input, $"{input}-001-assessed", details.ReceivedAtUtc, "system", TimelineCodes.Assessed, false, parameters), cancellationToken);
        return new CaseAssessment(result.Urgency, result.Reasons, result.IsRepeat, department.Id, department.OwnerId, department.ManagerId, directory.CentreHead.Id, plan);
    }
}
