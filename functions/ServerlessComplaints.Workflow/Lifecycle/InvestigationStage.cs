using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>Waiting for the owner under the SLA clock: complaint findings (with the special-case extension), an inquiry's answer, a suggestion's review.</summary>
internal static class InvestigationStage
{
    /// <summary>Opens what the investigation waits for (before the assignment or reopen mail goes out).</summary>
    public static void Open(CaseRun run)
    {
        switch (run.Details.Kind)
        {
            case ComplaintKind.Inquiry:
                run.Expect(WorkflowEvents.Answer, run.OwnerId);
                break;
            case ComplaintKind.Suggestion:
                run.Expect(WorkflowEvents.Review, run.OwnerId);
                break;
            default:
                run.Expect(WorkflowEvents.Findings, run.OwnerId);
                if (run.Reopens == 0)
                {
                    run.Expect(WorkflowEvents.Extend, run.ManagerId);
                }

                break;
        }
    }

    public static async Task<FindingsSubmitted> InvestigateAsync(CaseRun run)
    {
        run.PublishStatus(CaseStage.Investigation);
        var findings = run.WaitAsync<FindingsSubmitted>(run.Expect(WorkflowEvents.Findings, run.OwnerId));
        using var extensionCts = new CancellationTokenSource();
        Task<ExtensionGranted>? extension = run.Reopens == 0
            ? run.WaitAsync<ExtensionGranted>(run.Expect(WorkflowEvents.Extend, run.ManagerId), extensionCts.Token)
            : null;

        // At most one extension, so at most two rounds.
        for (var round = 0; round < 2; round++)
        {
            Task[] waits = extension is null ? [findings] : [findings, extension];
            var winner = await run.RaceAsync(waits, run.SlaCheckpoints(run.Plan!, run.OwnerId, "investigation"));
            if (winner == findings)
            {
                break;
            }

            await ExtendAsync(run, await extension!);
            extension = null;
        }

        extensionCts.Cancel();
        var result = await findings;
        await run.Record(result.StaffId, TimelineCodes.Findings, isPublic: false,
            p => p with { Findings = result with { Round = null }, Remedy = result.ProposedRemedy },
            new(TimelineParameters.Of(result.ProposedRemedy))
            {
                [TimelineParameters.Party] = WireNames.Of(result.ResponsibleParty),
                [TimelineParameters.Text] = result.RootCause,
            });
        return result;
    }

    public static async Task AnswerInquiryAsync(CaseRun run)
    {
        run.PublishStatus(CaseStage.Investigation);
        var answer = run.WaitAsync<InquiryAnswered>(run.Expect(WorkflowEvents.Answer, run.OwnerId));
        await run.RaceAsync([answer], run.SlaCheckpoints(run.Plan!, run.OwnerId, "answer"));
        var result = await answer;
        await run.Record(result.StaffId, TimelineCodes.Answered, isPublic: true, p => p with { Reply = result.Answer }, ApprovalStage.Said(result.Answer));
        await run.Notify(NotificationKind.InquiryAnswer, Notifications.NotificationRequest.Customer, new() { ["answer"] = result.Answer });
    }

    public static async Task ReviewSuggestionAsync(CaseRun run)
    {
        run.PublishStatus(CaseStage.Investigation);
        var review = run.WaitAsync<SuggestionReviewed>(run.Expect(WorkflowEvents.Review, run.OwnerId));
        await run.RaceAsync([review], run.SlaCheckpoints(run.Plan!, run.OwnerId, "review"));
        var result = await review;
        await run.Record(result.StaffId, result.Adopted ? TimelineCodes.SuggestionAdopted : TimelineCodes.SuggestionNotAdopted, isPublic: true, p => p with { Reply = result.Reply },
            ApprovalStage.Said(result.Reply));
        await run.Notify(NotificationKind.SuggestionReply, Notifications.NotificationRequest.Customer, new() { ["reply"] = result.Reply });
    }

    private static async Task ExtendAsync(CaseRun run, ExtensionGranted granted)
    {
        run.Plan = await run.PlanAsync(new DeadlineRequest(run.Details.ReceivedAtUtc, Kind: ComplaintKind.Complaint, Extended: true));
        run.EscalationLevel = 0;
        run.PublishStatus(CaseStage.Investigation);
        await run.Record(granted.StaffId, TimelineCodes.Extended, isPublic: true,
            p => p with { Extended = true, DueAtUtc = run.Plan.DueUtc, EscalationLevel = 0 },
            new(ApprovalStage.Said(granted.Reason)) { [TimelineParameters.Due] = TimelineParameters.Instant(run.Plan.DueUtc) });
        await run.Notify(NotificationKind.ExtensionNotice, Notifications.NotificationRequest.Customer, new() { ["reason"] = granted.Reason }, run.Plan.DueUtc);
    }
}
