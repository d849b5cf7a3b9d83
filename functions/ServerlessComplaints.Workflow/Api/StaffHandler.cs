using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>The staff API: the queue, a case in full, logging a phone or counter case, and the case actions.</summary>
public sealed class StaffHandler(
    IComplaintStore store,
    ITimelineStore timeline,
    IEvidenceStore evidence,
    IWorkflowClient client,
    IntakeHandler intake,
    CaseAuthorization authorization,
    CaseReassignment steps,
    StaffDirectory directory,
    Lifecycle.WorkflowSettings settings,
    TimeProvider time)
{
    public async Task<ApiResponse> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var records = await store.QueryAsync(query, cancellationToken);
        return ApiResponse.Ok(records.Select(r => new StaffCaseSummary(
            r.TrackingNumber, r.Details.Kind, r.Details.Category, r.Details.Subject, r.Stage, r.Urgency, r.Details.ReceivedAtUtc,
            r.DueAtUtc, r.ClosedAtUtc is null && r.DueAtUtc < now, r.OwnerId, r.EscalationLevel)).ToList());
    }

    public async Task<ApiResponse> DetailAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        if (!TrackingNumber.IsValid(trackingNumber))
        {
            return ApiResponse.NotFound();
        }

        var status = await client.GetStatusAsync(trackingNumber, cancellationToken);
        var record = await store.GetAsync(trackingNumber, cancellationToken) ?? (CaseStageReader.InputOf(status) is { } input ? new ComplaintRecord(input.Details) : null);
        if (record is null)
        {
            return ApiResponse.NotFound();
        }

        return ApiResponse.Ok(new StaffCaseDetail(
            record,
            await timeline.ListAsync(trackingNumber, cancellationToken),
            await evidence.ListAsync(trackingNumber, cancellationToken),
            status?.RuntimeStatus.ToString() ?? "Unknown",
            status?.FailureMessage));
    }

    public Task<ApiResponse> CreateAsync(ComplaintSubmission? submission, string? channel, StaffMember staff, string? idempotencyKey, CancellationToken cancellationToken)
    {
        Channel? parsed = channel?.Trim().ToLowerInvariant() switch
        {
            "phone" => Channel.Phone,
            "counter" => Channel.Counter,
            "api" or null or "" => Channel.Api,
            _ => null,
        };
        return parsed is { } c
            ? intake.SubmitAsync(new IntakeRequest(submission, [], c, null, idempotencyKey, staff.Id), cancellationToken)
            : Task.FromResult(ApiResponse.Invalid(new Dictionary<string, string[]> { ["channel"] = ["channel must be one of: phone, counter, api."] }));
    }

    /// <summary>Any case action, through the one authorization decision: 403 not yours, 409 not now, 202 raised.</summary>
    public async Task<ApiResponse> ActAsync(string trackingNumber, string action, StaffActionBody? body, StaffMember staff, CancellationToken cancellationToken)
    {
        if (!TrackingNumber.IsValid(trackingNumber) || await store.GetAsync(trackingNumber, cancellationToken) is not { } record)
        {
            return ApiResponse.NotFound();
        }

        if (CaseActions.Find(action) is not { } rule)
        {
            return ApiResponse.Problem(404, "No such action.", $"Actions: {string.Join(", ", CaseActions.Rules.Select(r => r.WireName))}.");
        }

        var status = await client.GetStatusAsync(trackingNumber, cancellationToken);
        var fields = new StaffActionFields();
        var payload = StaffActions.All.TryGetValue(action, out var workflowAction) ? workflowAction.Build(body ?? new StaffActionBody(), staff.Id, fields) : null;
        var snapshot = CaseStageReader.SnapshotOf(record, status);
        var newOwner = rule.Action == CaseAction.Reassign && body?.Owner is { } owner ? directory.Find(owner.Trim()) : null;
        var decision = authorization.Decide(CaseActor.Of(staff), rule.Action, snapshot, StaffActions.AmountOf(payload), newOwner: newOwner);
        if (!decision.IsAllowed)
        {
            return Refused(decision);
        }

        if (fields.Errors.Count > 0)
        {
            return ApiResponse.Invalid(fields.Errors);
        }

        switch (rule.Action)
        {
            case CaseAction.LegalHold:
                return await LegalHoldAsync(record, body, staff, cancellationToken);
            case CaseAction.Retry or CaseAction.Terminate:
                return await RecoverAsync(record, status!, rule.Action, body, staff, cancellationToken);
            case CaseAction.Note:
                return await steps.NoteAsync(record, body, staff, cancellationToken);
            case CaseAction.Reassign:
                return await steps.ReassignAsync(record, snapshot, body, staff, cancellationToken);
        }

        var round = decision.Expectation?.Round is { Length: > 0 } r ? r : null;
        using (Diagnostics.WorkflowTelemetry.StartAction(trackingNumber, rule.WireName))
        {
            await client.RaiseEventAsync(trackingNumber, rule.EventName!, EventRounds.WithRound(payload!, round), cancellationToken);
        }

        return new ApiResponse(202, new StaffActionAccepted(trackingNumber, action, staff.Id, decision.NeedsApproval));
    }

    /// <summary>403 or 409 with the decision's English reason as the detail, and its code and values for pages to word it.</summary>
    internal static ApiResponse Refused(AuthorizationDecision decision) =>
        new(decision.StatusCode, new ProblemBody(
            $"https://httpstatuses.io/{decision.StatusCode}",
            decision.Verdict == AuthorizationVerdict.Forbidden ? "Not allowed." : "The case does not expect this action now.",
            decision.StatusCode,
            decision.Reason)
        {
            Code = decision.Code,
            Values = decision.Values,
        });

    // The decision has checked the runtime status: retry only a failed case, terminate only one still going.
    private async Task<ApiResponse> RecoverAsync(ComplaintRecord record, WorkflowInstanceStatus status, CaseAction action, StaffActionBody? body, StaffMember staff, CancellationToken cancellationToken)
    {
        var tn = record.TrackingNumber;
        var now = time.GetUtcNow().UtcDateTime;
        var wireName = CaseActions.Of(action).WireName;
        if (action == CaseAction.Retry)
        {
            var stage = WorkflowJson.Deserialize<Lifecycle.CaseStatus>(status.CustomStatusJson)?.Stage ?? Lifecycle.CaseStage.Investigation;
            await client.RetryAsync(tn, cancellationToken);
            await store.UpdateAsync(tn, r => r with { Stage = stage }, cancellationToken);
            var retried = new Dictionary<string, string>(StringComparer.Ordinal) { [TimelineParameters.Stage] = Localization.WireNames.Of(stage) };
            if (status.FailureMessage is { Length: > 0 } failure)
            {
                retried[TimelineParameters.Error] = TimelineParameters.Clip(failure);
            }

            await timeline.AppendAsync(TimelineEntry.Of(tn, $"{tn}-retried-{now.Ticks}", now, staff.Id, TimelineCodes.Retried, false, retried), cancellationToken);
            return new ApiResponse(202, new { trackingNumber = tn, action = wireName, stage });
        }

        var fields = new StaffActionFields();
        var reason = fields.Text(body?.Reason, "reason", max: 1000);
        if (fields.Errors.Count > 0)
        {
            return ApiResponse.Invalid(fields.Errors);
        }

        if (status.RuntimeStatus != WorkflowRuntimeStatus.Failed)
        {
            // A failed workflow has already stopped; terminating closes the case around it.
            await client.TerminateAsync(tn, reason, cancellationToken);
        }

        await store.UpdateAsync(tn, r => r with
        {
            Stage = Lifecycle.CaseStage.Archived,
            Outcome = Lifecycle.CaseOutcome.Terminated,
            ClosedAtUtc = now,
            RetainUntilUtc = now.AddDays(settings.RetentionDays),
        }, cancellationToken);
        await timeline.AppendAsync(
            TimelineEntry.Of(tn, $"{tn}-terminated-{now.Ticks}", now, staff.Id, TimelineCodes.Terminated, false,
                new Dictionary<string, string> { [TimelineParameters.Stage] = Localization.WireNames.Of(record.Stage), [TimelineParameters.Text] = reason }),
            cancellationToken);
        return ApiResponse.Ok(new { trackingNumber = tn, action = wireName, stage = Lifecycle.CaseStage.Archived });
    }

    private async Task<ApiResponse> LegalHoldAsync(ComplaintRecord record, StaffActionBody? body, StaffMember staff, CancellationToken cancellationToken)
    {
        var fields = new StaffActionFields();
        var reason = fields.Text(body?.Reason, "reason", max: 1000);
        if (body?.Hold is null)
        {
            fields.Errors["hold"] = ["hold is required (true to place, false to release)."];
        }

        if (fields.Errors.Count > 0)
        {
            return ApiResponse.Invalid(fields.Errors);
        }

        var hold = body!.Hold!.Value;
        var now = time.GetUtcNow().UtcDateTime;

        // Evidence is tagged before a hold and untagged after a release: never unprotected while the record says held.
        int evidenceFiles;
        if (hold)
        {
            evidenceFiles = await evidence.SetLegalHoldAsync(record.TrackingNumber, true, cancellationToken);
            await store.UpdateAsync(record.TrackingNumber, r => r with { LegalHold = true }, cancellationToken);
        }
        else
        {
            await store.UpdateAsync(record.TrackingNumber, r => r with { LegalHold = false }, cancellationToken);
            evidenceFiles = await evidence.SetLegalHoldAsync(record.TrackingNumber, false, cancellationToken);
        }

        await timeline.AppendAsync(
            TimelineEntry.Of(record.TrackingNumber, $"{record.TrackingNumber}-hold-{now.Ticks}", now, staff.Id, hold ? TimelineCodes.LegalHoldPlaced : TimelineCodes.LegalHoldReleased, false,
                new Dictionary<string, string> { [TimelineParameters.Count] = TimelineParameters.Number(evidenceFiles), [TimelineParameters.Text] = reason }),
            cancellationToken);
        return ApiResponse.Ok(new { record.TrackingNumber, legalHold = hold, evidenceFiles });
    }
}
