using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// Staff steps on the record, outside the workflow: an internal note, and a new owner. A reassignment changes the
/// record's owner (and department, when across departments), keeps the previous owner on the record — the
/// orchestration still names them in what it waits for, and <see cref="CaseAssignees"/> passes their steps to the
/// new owner — writes an internal timeline entry and mails the new owner a link to the case page.
/// </summary>
public sealed class CaseReassignment(
    IComplaintStore store,
    ITimelineStore timeline,
    StaffDirectory directory,
    CaseAuthorization authorization,
    SendNotification notifications,
    TimeProvider time)
{
    public const int MaxNoteLength = 4000;

    /// <summary>Whom <paramref name="staff"/> may hand the case to: the department's members (supervisor), anyone (manager and up).</summary>
    public IReadOnlyList<StaffMember> Candidates(StaffMember staff, CaseSnapshot @case)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(@case);
        var department = authorization.DepartmentOf(@case);
        return
        [
            .. directory.All
                .Where(m => !string.Equals(m.Id, @case.OwnerId, StringComparison.OrdinalIgnoreCase))
                .Where(m => authorization.Decide(CaseActor.Of(staff), CaseAction.Reassign, @case, newOwner: m).IsAllowed)
                .OrderBy(m => string.Equals(m.Department, department, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(m => m.Department, StringComparer.Ordinal)
                .ThenBy(m => m.Role),
        ];
    }

    /// <summary>The note as an internal timeline entry; the decision has allowed it.</summary>
    internal async Task<ApiResponse> NoteAsync(ComplaintRecord record, StaffActionBody? body, StaffMember staff, CancellationToken cancellationToken)
    {
        var fields = new StaffActionFields();
        var note = fields.Text(body?.Note, "note", max: MaxNoteLength);
        if (fields.Errors.Count > 0)
        {
            return ApiResponse.Invalid(fields.Errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tn = record.TrackingNumber;
        var entryId = $"{tn}-note-{now.Ticks}";
        await timeline.AppendAsync(TimelineEntry.Of(tn, entryId, now, staff.Id, TimelineCodes.Note, false,
            new Dictionary<string, string> { [TimelineParameters.Text] = note }), cancellationToken);
        return ApiResponse.Ok(new { trackingNumber = tn, action = CaseActions.Of(CaseAction.Note).WireName, entryId });
    }

    /// <summary>
    /// The new owner <paramref name="body"/> names (the decision has allowed them, with <see cref="CaseAuthorization.Decide"/>'s
    /// newOwner): an unknown id or the current owner is a field error.
    /// </summary>
    internal async Task<ApiResponse> ReassignAsync(ComplaintRecord record, CaseSnapshot snapshot, StaffActionBody? body, StaffMember staff, CancellationToken cancellationToken)
    {
        var fields = new StaffActionFields();
        var reason = fields.Text(body?.Reason, "reason", required: false, max: 1000);
        var target = directory.Find(body?.Owner?.Trim() ?? "");
        if (string.IsNullOrWhiteSpace(body?.Owner))
        {
            fields.Errors["owner"] = ["owner is required (a staff id)."];
        }
        else if (target is null)
        {
            fields.Errors["owner"] = ["owner must be a staff id from the staff directory."];
        }
        else if (string.Equals(target.Id, snapshot.OwnerId, StringComparison.OrdinalIgnoreCase))
        {
            fields.Errors["owner"] = ["owner already owns the case."];
        }

        if (fields.Errors.Count > 0 || target is null)
        {
            return ApiResponse.Invalid(fields.Errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tn = record.TrackingNumber;
        var from = snapshot.OwnerId ?? record.OwnerId ?? "";
        var updated = await store.UpdateAsync(tn, r => r with
        {
            OwnerId = target.Id,
            DepartmentId = target.Department,
            PreviousOwnerIds = from.Length == 0 || r.PreviousOwnerIds.Contains(from, StringComparer.OrdinalIgnoreCase) ? r.PreviousOwnerIds : [.. r.PreviousOwnerIds, from],
        }, cancellationToken);

        var id = $"{tn}-reassigned-{now.Ticks}";
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { [TimelineParameters.From] = from, [TimelineParameters.To] = target.Id };
        if (reason.Length > 0)
        {
            parameters[TimelineParameters.Text] = reason;
        }

        await timeline.AppendAsync(TimelineEntry.Of(tn, id, now, staff.Id, TimelineCodes.Reassigned, false, parameters), cancellationToken);
        if (!string.Equals(target.Id, staff.Id, StringComparison.OrdinalIgnoreCase))
        {
            await notifications.RunAsync(new NotificationRequest($"{id}-reassigned", tn, NotificationKind.Reassigned, target.Id, new Dictionary<string, string>
            {
                ["by"] = staff.Name,
                ["from"] = directory.Find(from)?.Name ?? from,
            }), cancellationToken);
        }

        return ApiResponse.Ok(new { trackingNumber = tn, action = CaseActions.Of(CaseAction.Reassign).WireName, owner = target.Id, previousOwner = from, departmentId = updated.DepartmentId });
    }
}
