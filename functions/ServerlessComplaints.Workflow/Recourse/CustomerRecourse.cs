using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Recourse;

/// <summary>
/// The customer's own steps from the status page (ISO 10002 recourse): add a message and more evidence, ask for a
/// manager's review, withdraw the case. Each is a signed single-use form issued with the page (an action token for
/// the customer and that action); the one authorization decision says whether the case accepts it now. A message
/// and evidence land on the timeline and notify the owner; an escalation request notifies the department's manager
/// and is recorded — a request, not an SLA breach (the escalation level is untouched); a withdrawal ends the
/// workflow and closes the case as withdrawn, kept for the retention period like any closed case.
/// </summary>
public sealed class CustomerRecourse(
    ActionTokens tokens,
    IActionNonceStore nonces,
    IComplaintStore store,
    ITimelineStore timeline,
    IWorkflowClient client,
    CaseAuthorization authorization,
    InboundEvidence evidence,
    Evidence.IEvidenceStore evidenceStore,
    StaffDirectory directory,
    SendNotification notifications,
    WorkflowSettings settings,
    TimeProvider time)
{
    public const int MaxMessageLength = 4000;

    /// <summary>One token per recourse action the case accepts now, for the status page's forms.</summary>
    public async Task<IReadOnlyDictionary<CaseAction, string>> FormsAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(trackingNumber, cancellationToken);
        if (record is null)
        {
            return new Dictionary<CaseAction, string>();
        }

        var snapshot = CaseStageReader.SnapshotOf(record, await client.GetStatusAsync(trackingNumber, cancellationToken));
        return CaseActions.Recourse
            .Where(a => authorization.Decide(CaseActor.Customer, a, snapshot).IsAllowed)
            .ToDictionary(a => a, a => tokens.Issue(trackingNumber, CaseActions.Of(a).WireName, NotificationRequest.Customer));
    }

    /// <summary>The customer's message and any files, checked as at intake; nothing is stored when anything is refused.</summary>
    public async Task<RecourseResult> AddMessageAsync(string trackingNumber, string? token, string? message, IReadOnlyList<EvidenceUpload> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var (result, claims, record) = await CheckAsync(trackingNumber, token, CaseAction.CustomerMessage, cancellationToken);
        if (claims is null || record is null)
        {
            return result;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = InboundText.Clean(message, MaxMessageLength, multiline: true);
        if (message is { Length: > MaxMessageLength })
        {
            errors["message"] = [RecourseResult.TooLong];
        }
        else if (text is null && files.Count == 0)
        {
            errors["message"] = [RecourseResult.Required];
        }
        else if (message is not null && IntakeText.InvisibleFormatting(message, multiline: true) is not null)
        {
            errors["message"] = [RecourseResult.Invisible];
        }

        var attachments = files.Select(f => new InboundAttachment(f.FileName, f.Content)).ToList();
        var existing = await evidenceStore.ListAsync(trackingNumber, cancellationToken);
        var (_, refused) = evidence.Check(attachments, existing);
        if (refused.Count > 0)
        {
            errors["evidence"] = [.. refused.Select(r => r.ToString())];
        }

        if (errors.Count > 0)
        {
            return RecourseResult.Invalid(claims, errors);
        }

        if (!await nonces.TryConsumeAsync(claims, cancellationToken))
        {
            return RecourseResult.Of(410, "used", claims);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var id = $"{trackingNumber}-web-{claims.Nonce}";
        var (stored, _) = await evidence.AddToCaseAsync(trackingNumber, attachments, cancellationToken);
        if (text is not null)
        {
            await timeline.AppendAsync(TimelineEntry.Of(trackingNumber, id, now, "customer", TimelineCodes.CustomerMessage, true,
                new Dictionary<string, string> { [TimelineParameters.Text] = text }), cancellationToken);
        }

        if (stored.Count > 0)
        {
            // Public: how many, not which (the page lists the case's files itself).
            await timeline.AppendAsync(TimelineEntry.Of(trackingNumber, $"{id}-evidence", now, "customer", TimelineCodes.EvidenceAdded, true,
                new Dictionary<string, string> { [TimelineParameters.Count] = TimelineParameters.Number(stored.Count) }), cancellationToken);
        }

        if (record.OwnerId is { } owner)
        {
            await NotifyAsync(id, record, NotificationKind.CustomerMessage, owner, new()
            {
                ["message"] = text ?? "",
                ["files"] = stored.Count == 0 ? "" : string.Join(", ", stored),
            }, cancellationToken);
        }

        return RecourseResult.Of(200, "message-added", claims);
    }

    /// <summary>A request for a manager's review: recorded and mailed to the manager of the case's department.</summary>
    public async Task<RecourseResult> RequestEscalationAsync(string trackingNumber, string? token, string? reason, CancellationToken cancellationToken)
    {
        var (refused, claims, record, text) = await TakeWithReasonAsync(trackingNumber, token, CaseAction.EscalationRequest, reason, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var id = $"{trackingNumber}-review-{claims.Nonce}";
        await timeline.AppendAsync(TimelineEntry.Of(trackingNumber, id, now, "customer", TimelineCodes.EscalationRequested, true, Said(text)), cancellationToken);
        var department = record.DepartmentId ?? (record.OwnerId is { } owner ? directory.Find(owner)?.Department : null) ?? directory.DepartmentFor(record.Details.Category).Id;
        await NotifyAsync(id, record, NotificationKind.EscalationRequested, directory.GetDepartment(department).ManagerId, new() { ["comment"] = text ?? "" }, cancellationToken);
        return RecourseResult.Of(200, "escalation-requested", claims);
    }

    /// <summary>Withdraws the case: the workflow ends, the case closes as withdrawn and is kept for the retention period.</summary>
    public async Task<RecourseResult> WithdrawAsync(string trackingNumber, string? token, string? reason, CancellationToken cancellationToken)
    {
        var (refused, claims, record, text) = await TakeWithReasonAsync(trackingNumber, token, CaseAction.Withdraw, reason, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await client.TerminateAsync(trackingNumber, "withdrawn by the customer", cancellationToken);
        await store.UpdateAsync(trackingNumber, r => r with
        {
            Stage = CaseStage.Archived,
            Outcome = CaseOutcome.Withdrawn,
            ClosedAtUtc = now,
            DueAtUtc = null,
            RetainUntilUtc = now.AddDays(settings.RetentionDays),
        }, cancellationToken);
        var id = $"{trackingNumber}-withdrawn-{claims.Nonce}";
        await timeline.AppendAsync(TimelineEntry.Of(trackingNumber, id, now, "customer", TimelineCodes.Withdrawn, true, Said(text)), cancellationToken);
        if (record.OwnerId is { } owner)
        {
            await NotifyAsync(id, record, NotificationKind.CaseWithdrawn, owner, new() { ["comment"] = text ?? "" }, cancellationToken);
        }

        return RecourseResult.Of(200, "withdrawn", claims);
    }

    /// <summary>
    /// The steps with an optional reason: the token and the case checked, the reason checked, the form used up — or the
    /// answer that refuses it. The reason comes back cleaned (null when none was given).
    /// </summary>
    private async Task<(RecourseResult? Refused, ActionTokenClaims Claims, ComplaintRecord Record, string? Text)> TakeWithReasonAsync(
        string trackingNumber, string? token, CaseAction action, string? reason, CancellationToken cancellationToken)
    {
        var (result, claims, record) = await CheckAsync(trackingNumber, token, action, cancellationToken);
        if (claims is null || record is null)
        {
            return (result, null!, null!, null);
        }

        if (Reason(reason) is { } invalid)
        {
            return (RecourseResult.Invalid(claims, invalid), claims, record, null);
        }

        return await nonces.TryConsumeAsync(claims, cancellationToken)
            ? (null, claims, record, InboundText.Clean(reason, MaxMessageLength, multiline: true))
            : (RecourseResult.Of(410, "used", claims), claims, record, null);
    }

    /// <summary>The customer's own words, when they gave any, as the entry's quoted text.</summary>
    private static Dictionary<string, string> Said(string? text) =>
        text is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [TimelineParameters.Text] = text };

    private static Dictionary<string, string[]>? Reason(string? reason) =>
        reason is { Length: > MaxMessageLength } ? new() { ["reason"] = [RecourseResult.TooLong] }
        : reason is not null && IntakeText.InvisibleFormatting(reason, multiline: true) is not null ? new() { ["reason"] = [RecourseResult.Invisible] }
        : null;

    private async Task NotifyAsync(string id, ComplaintRecord record, NotificationKind kind, string recipient, Dictionary<string, string> data, CancellationToken cancellationToken) =>
        await notifications.RunAsync(new NotificationRequest($"{id}-{kind.ToString().ToLowerInvariant()}", record.TrackingNumber, kind, recipient, data), cancellationToken);

    /// <summary>The token is the customer's, for this action on this case, unexpired and unused, and the case accepts the action now.</summary>
    private async Task<(RecourseResult Result, ActionTokenClaims? Claims, ComplaintRecord? Record)> CheckAsync(
        string trackingNumber, string? token, CaseAction action, CancellationToken cancellationToken)
    {
        var (check, claims) = tokens.Read(token);
        var wireName = CaseActions.Of(action).WireName;
        if (check is ActionTokenCheck.Malformed or ActionTokenCheck.Tampered || claims is null
            || claims.Actor != NotificationRequest.Customer || claims.Action != wireName || claims.TrackingNumber != trackingNumber)
        {
            return (RecourseResult.Of(400, "invalid"), null, null);
        }

        var record = await store.GetAsync(trackingNumber, cancellationToken);
        if (record is null)
        {
            return (RecourseResult.Of(404, "invalid"), null, null);
        }

        if (check == ActionTokenCheck.Expired)
        {
            return (RecourseResult.Of(410, "expired", claims), null, null);
        }

        if (await nonces.IsConsumedAsync(claims, cancellationToken))
        {
            return (RecourseResult.Of(410, "used", claims), null, null);
        }

        var snapshot = CaseStageReader.SnapshotOf(record, await client.GetStatusAsync(trackingNumber, cancellationToken));
        var decision = authorization.Decide(CaseActor.Customer, action, snapshot);
        return decision.IsAllowed
            ? (RecourseResult.Of(200, "confirm", claims), claims, record)
            : (RecourseResult.Of(409, "not-open", claims), null, null);
    }
}

/// <summary>
/// What a recourse step came to: <see cref="MessageKey"/> names the page's sentence ("message-added",
/// "escalation-requested", "withdrawn"; "invalid", "expired", "used", "not-open" when refused; "invalid-fields" with
/// <see cref="Errors"/> as codes — <see cref="Required"/>, <see cref="TooLong"/>, <see cref="Invisible"/> — or, for
/// files, "name: reason").
/// </summary>
public sealed record RecourseResult(int StatusCode, string MessageKey, ActionTokenClaims? Claims = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string Invisible = "invisible";

    public bool Done => StatusCode == 200 && MessageKey is not "confirm";

    public static RecourseResult Of(int statusCode, string messageKey, ActionTokenClaims? claims = null) => new(statusCode, messageKey, claims);

    public static RecourseResult Invalid(ActionTokenClaims claims, IReadOnlyDictionary<string, string[]> errors) => new(400, "invalid-fields", claims, errors);
}
