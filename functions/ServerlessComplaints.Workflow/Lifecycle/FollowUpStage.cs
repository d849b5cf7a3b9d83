using System.Globalization;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>The follow-up callback (回访): a survey after a delay; a low rating reopens the case once.</summary>
internal static class FollowUpStage
{
    /// <summary>Returns the outcome, or null when the case reopens.</summary>
    public static async Task<CaseOutcome?> FollowUpAsync(CaseRun run)
    {
        run.Plan = null;
        run.PublishStatus(CaseStage.FollowUp);
        await run.Context.CreateTimer(run.Now + run.Settings.FollowUpDelay, CancellationToken.None);
        var expectation = run.Expect(WorkflowEvents.Survey, NotificationRequest.Customer);
        await run.Notify(NotificationKind.Survey, NotificationRequest.Customer);
        await run.Record("system", TimelineCodes.SurveySent, isPublic: true, parameters: []);

        using var surveyCts = new CancellationTokenSource();
        var survey = run.WaitAsync<SurveyAnswered>(expectation, surveyCts.Token);
        if (await run.RaceAsync([survey], [], run.Now + run.Settings.SurveyWindow) is null)
        {
            surveyCts.Cancel();
            await run.Record("system", TimelineCodes.SurveyNoReply, isPublic: true, parameters: []);
            return CaseOutcome.NoReply;
        }

        var answer = await survey;
        var rating = answer.Rating.ToString(CultureInfo.InvariantCulture);
        await run.Record("customer", TimelineCodes.SurveyAnswered, isPublic: true,
            p => p with { SurveyRating = answer.Rating, SurveyComment = answer.Comment },
            new(ApprovalStage.Said(answer.Comment)) { [TimelineParameters.Rating] = rating });
        if (answer.Rating > run.Settings.DissatisfiedAtOrBelow)
        {
            return CaseOutcome.Resolved;
        }

        if (run.Reopens >= run.Settings.MaxReopens)
        {
            return CaseOutcome.Dissatisfied;
        }

        await ReopenAsync(run, rating);
        return null;
    }

    private static async Task ReopenAsync(CaseRun run, string rating)
    {
        run.Reopens++;
        run.Urgency = InitialAssessment.Raise(run.Urgency);
        run.EscalationLevel = 0;
        run.Plan = await run.PlanAsync(new DeadlineRequest(run.Now, Kind: run.Details.Kind));
        run.PublishStatus(CaseStage.Investigation);
        InvestigationStage.Open(run);
        await run.Record("customer", TimelineCodes.Reopened, isPublic: true,
            p => p with { ReopenCount = run.Reopens, Urgency = run.Urgency, DueAtUtc = run.Plan.DueUtc, EscalationLevel = 0 },
            new() { [TimelineParameters.Rating] = rating, [TimelineParameters.Urgency] = Localization.WireNames.Of(run.Urgency) });
        await run.Notify(NotificationKind.Reopened, run.OwnerId, new() { ["rating"] = rating }, run.Plan.DueUtc);
    }
}
