using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// The orchestrator: intake → investigation → resolution → follow-up callback → archive, for complaints, inquiries
/// and suggestions. Written once against <see cref="IWorkflowContext"/> and deterministic by Durable's rules.
/// </summary>
public static class ComplaintWorkflow
{
    public const string Name = "ComplaintWorkflow";

    /// <summary>The version new cases start with; a changed workflow branches on the input's version.</summary>
    /// <remarks>
    /// Version 2: every wait carries a round that answers must match (stale answers are dropped), approval chains
    /// start above the proposer's own limit, and a manager's final offer above the manager's limit goes to approval.
    /// Version 1 histories keep replaying on the version 1 paths.
    /// </remarks>
    public const int CurrentVersion = 2;

    public static async Task<WorkflowOutcome> RunAsync(IWorkflowContext context, ComplaintWorkflowInput input)
    {
        if (input.Version is < 1 or > CurrentVersion)
        {
            throw new NotSupportedException($"Workflow version {input.Version} is not supported by this release (current: {CurrentVersion}).");
        }

        var run = new CaseRun(context, input);
        run.PublishStatus(CaseStage.Intake);
        await run.Call<bool>(nameof(SaveComplaint), input.Details);
        run.Apply(await run.Call<CaseAssessment>(nameof(AssessComplaint), input.Details.TrackingNumber));
        run.PublishStatus(CaseStage.Investigation);
        InvestigationStage.Open(run);
        await run.Notify(NotificationKind.Acknowledgement, NotificationRequest.Customer);
        await run.Notify(NotificationKind.Assignment, run.OwnerId);

        CaseOutcome? outcome = null;
        for (var pass = 0; pass <= input.Settings.MaxReopens && outcome is null; pass++)
        {
            outcome = input.Details.Kind switch
            {
                ComplaintKind.Inquiry => await InquiryPassAsync(run),
                ComplaintKind.Suggestion => await SuggestionPassAsync(run),
                _ => await ComplaintPassAsync(run),
            };
        }

        return await CloseAsync(run, outcome ?? CaseOutcome.Dissatisfied);
    }

    private static async Task<CaseOutcome?> ComplaintPassAsync(CaseRun run)
    {
        var findings = await InvestigationStage.InvestigateAsync(run);
        return await ResolutionStage.ResolveAsync(run, findings.ProposedRemedy, findings.StaffId) ?? await FollowUpStage.FollowUpAsync(run);
    }

    private static async Task<CaseOutcome?> InquiryPassAsync(CaseRun run)
    {
        await InvestigationStage.AnswerInquiryAsync(run);
        return await FollowUpStage.FollowUpAsync(run);
    }

    private static async Task<CaseOutcome?> SuggestionPassAsync(CaseRun run)
    {
        await InvestigationStage.ReviewSuggestionAsync(run);
        return CaseOutcome.Reviewed;
    }

    private static async Task<WorkflowOutcome> CloseAsync(CaseRun run, CaseOutcome outcome)
    {
        run.Plan = null;
        run.PublishStatus(CaseStage.Closed);
        await run.Record("system", Cases.TimelineCodes.Closed, isPublic: true, p => p with { Outcome = outcome },
            new() { [Cases.TimelineParameters.Outcome] = Localization.WireNames.Of(outcome) });
        await run.Notify(NotificationKind.Closure, NotificationRequest.Customer);
        var closedAt = run.Now;
        var retainUntil = await run.Call<DateTime>(nameof(ArchiveComplaint), new ArchiveRequest(run.TrackingNumber, closedAt, outcome, run.Settings.RetentionDays));
        run.PublishStatus(CaseStage.Archived);
        return new WorkflowOutcome(outcome, closedAt, retainUntil, run.Reopens);
    }
}
