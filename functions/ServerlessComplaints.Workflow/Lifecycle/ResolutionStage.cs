using System.Globalization;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Lifecycle;

/// <summary>
/// From a proposed remedy to a carried-out one: approval above the owner's authority, the offer to the customer,
/// bounded negotiation (then the manager's final offer), and execution confirmed by the owner.
/// </summary>
internal static class ResolutionStage
{
    // Rejections and declines together; past this the case fails visibly rather than loop.
    private const int MaxOfferRounds = 20;

    /// <summary>Returns null once the remedy is carried out, or the outcome when the case closes without it.</summary>
    public static async Task<CaseOutcome?> ResolveAsync(CaseRun run, Remedy proposed, string proposerId)
    {
        var remedy = proposed;
        var proposer = proposerId;
        var declines = 0;
        var finalOffer = false;
        for (var round = 0; round < MaxOfferRounds; round++)
        {
            // From version 2 a final offer above the manager's own limit goes to approval too.
            var reviser = finalOffer ? run.ManagerId : run.OwnerId;
            if ((!finalOffer || run.ChecksRounds) && !await ApprovalStage.ApproveAsync(run, remedy, proposer, reviser))
            {
                (remedy, proposer) = await AwaitRevisionAsync(run, reviser, finalOffer ? "final offer after rejection" : "revision after rejection");
                continue;
            }

            var response = await OfferAsync(run, remedy);
            if (response is null)
            {
                return CaseOutcome.NoResponse;
            }

            if (response.Accepted)
            {
                await run.Record("customer", TimelineCodes.OfferAccepted, isPublic: true, p => p with { Remedy = remedy }, ApprovalStage.Said(response.Comment));
                await ExecuteAsync(run, remedy);
                return null;
            }

            declines++;
            await run.Record("customer", TimelineCodes.OfferDeclined, isPublic: true, parameters: ApprovalStage.Said(response.Comment));
            if (finalOffer)
            {
                return CaseOutcome.Declined;
            }

            var data = new Dictionary<string, string> { ["round"] = declines.ToString(CultureInfo.InvariantCulture), ["comment"] = response.Comment ?? "-" };
            if (declines <= run.Settings.MaxNegotiationRounds)
            {
                run.Expect(WorkflowEvents.Offer, run.OwnerId);
                await run.Notify(NotificationKind.RevisionRequest, run.OwnerId, data);
                (remedy, proposer) = await AwaitRevisionAsync(run, run.OwnerId, $"negotiation round {declines}");
            }
            else
            {
                finalOffer = true;
                run.Expect(WorkflowEvents.Offer, run.ManagerId);
                await run.Notify(NotificationKind.NegotiationEscalated, run.ManagerId, data);
                await run.Record("system", TimelineCodes.NegotiationEscalated, isPublic: false,
                    parameters: new() { [TimelineParameters.Declines] = TimelineParameters.Number(declines) });
                (remedy, proposer) = await AwaitRevisionAsync(run, run.ManagerId, "final offer");
            }
        }

        throw new InvalidOperationException($"Case {run.TrackingNumber}: no settlement after {MaxOfferRounds} offer rounds.");
    }

    private static async Task<(Remedy Remedy, string ProposerId)> AwaitRevisionAsync(CaseRun run, string staffId, string what)
    {
        run.PublishStatus(CaseStage.Resolution);
        var offer = run.WaitAsync<RevisedOffer>(run.Expect(WorkflowEvents.Offer, staffId));
        var plan = await run.PlanAsync(new DeadlineRequest(run.Now, SlaSpan.FromWorkingDays(run.Settings.RevisionWindowWorkingDays)));
        await run.RaceAsync([offer], run.SlaCheckpoints(plan, staffId, what));
        var revised = await offer;
        await run.Record(revised.StaffId, TimelineCodes.OfferRevised, isPublic: false, p => p with { Remedy = revised.Remedy },
            new(TimelineParameters.Of(revised.Remedy)) { [TimelineParameters.Task] = what.StartsWith("final offer", StringComparison.Ordinal) ? "final-offer" : "revision" });
        return (revised.Remedy, revised.StaffId);
    }

    private static async Task<OfferResponse?> OfferAsync(CaseRun run, Remedy remedy)
    {
        run.PublishStatus(CaseStage.Resolution);
        var expectation = run.Expect(WorkflowEvents.CustomerResponse, NotificationRequest.Customer);
        await run.Notify(NotificationKind.Offer, NotificationRequest.Customer, MailData.Of(remedy));
        await run.Record("system", TimelineCodes.OfferSent, isPublic: true, p => p with { Remedy = remedy }, TimelineParameters.Of(remedy));

        using var responseCts = new CancellationTokenSource();
        var response = run.WaitAsync<OfferResponse>(expectation, responseCts.Token);
        var reminder = new Checkpoint(run.Now + run.Settings.OfferReminderAfter, async () =>
        {
            await run.Notify(NotificationKind.OfferReminder, NotificationRequest.Customer);
            await run.Record("system", TimelineCodes.OfferReminderSent, isPublic: false, parameters: []);
        });
        if (await run.RaceAsync([response], [reminder], run.Now + run.Settings.OfferResponseWindow) is null)
        {
            responseCts.Cancel();
            await run.Record("system", TimelineCodes.NoResponse, isPublic: true, parameters: []);
            return null;
        }

        return await response;
    }

    private static async Task ExecuteAsync(CaseRun run, Remedy remedy)
    {
        run.PublishStatus(CaseStage.Execution);
        var done = run.WaitAsync<ExecutionConfirmed>(run.Expect(WorkflowEvents.Execution, run.OwnerId));
        await run.Notify(NotificationKind.ExecutionRequest, run.OwnerId, MailData.Of(remedy));
        await run.Record("system", TimelineCodes.ExecutionRequested, isPublic: false, parameters: TimelineParameters.Of(remedy));
        var plan = await run.PlanAsync(new DeadlineRequest(run.Now, SlaSpan.FromWorkingDays(run.Settings.ExecutionWindowWorkingDays)));
        await run.RaceAsync([done], run.SlaCheckpoints(plan, run.OwnerId, "execution"));
        var confirmed = await done;
        await run.Record(confirmed.StaffId, TimelineCodes.Executed, isPublic: true, p => p with { ExecutionReference = confirmed.Reference },
            new() { [TimelineParameters.Reference] = confirmed.Reference });
        await run.Notify(NotificationKind.ExecutionNotice, NotificationRequest.Customer, new() { ["reference"] = confirmed.Reference });
    }
}
