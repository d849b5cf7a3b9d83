using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// <c>GET /api/complaints/{trackingNumber}</c> and the status page: the public view for a caller holding the status
/// link's token or the submitter's email; any other caller gets the same 404 as for a missing case.
/// </summary>
public sealed class StatusHandler(IComplaintStore store, ITimelineStore timeline, IWorkflowClient client, StatusLinks links, CurrentDeadlines deadlines, Evidence.IEvidenceStore evidence)
{
    private static readonly HashSet<string> StaffIds = new(StringComparer.Ordinal)
    {
        TimelineParameters.Owner, TimelineParameters.Approver, TimelineParameters.From, TimelineParameters.To,
    };

    public async Task<ApiResponse> GetAsync(string trackingNumber, string? token, string? email, CancellationToken cancellationToken)
    {
        var view = await FindAsync(trackingNumber, token, email, cancellationToken);
        return view is null ? ApiResponse.NotFound() : ApiResponse.Ok(view);
    }

    public async Task<PublicCaseView?> FindAsync(string trackingNumber, string? token, string? email, CancellationToken cancellationToken)
    {
        if (!TrackingNumber.IsValid(trackingNumber))
        {
            return null;
        }

        var status = await client.GetStatusAsync(trackingNumber, cancellationToken);
        // Right after the 202 the record may not be written yet: the orchestration's input stands in for it.
        var record = await store.GetAsync(trackingNumber, cancellationToken)
            ?? (CaseStageReader.InputOf(status) is { } input ? new ComplaintRecord(input.Details) : null);
        var byToken = links.IsValid(trackingNumber, token);
        var byEmail = email is { Length: > 0 } && record?.Details.Customer.Email is { } owner && string.Equals(owner, email.Trim(), StringComparison.OrdinalIgnoreCase);
        if (record is null || !(byToken || byEmail))
        {
            return null;
        }

        var entries = await timeline.ListAsync(trackingNumber, cancellationToken);
        // A case closed around its workflow (withdrawn, terminated) keeps the workflow's last custom status: the record decides.
        var stage = record.Outcome is not null ? record.Stage : CaseStageReader.StageOf(status) ?? record.Stage;
        var d = record.Details;
        return new PublicCaseView(
            d.TrackingNumber,
            CategoryLabels.For(d.Kind, d.Language),
            CategoryLabels.For(d.Category, d.Language),
            d.Subject,
            d.Language,
            stage,
            d.ReceivedAtUtc,
            record.ClosedAtUtc is null ? record.DueAtUtc : null,
            record.Outcome,
            record.ClosedAtUtc,
            [.. entries.Where(e => e.IsPublic).Select(e => new PublicTimelineEntry(e.AtUtc, RoleOf(e.Actor), e.Action, e.Detail, Public(e.Parameters)))])
        {
            KindCode = d.Kind,
            CustomerEmail = d.Customer.Email,
            Deadline = deadlines.For(stage, record, entries),
            EvidenceNames = [.. (await evidence.ListAsync(trackingNumber, cancellationToken)).Select(e => e.FileName)],
        };
    }

    private static string RoleOf(string actor) => actor is "customer" or "system" ? actor : "staff";

    // Customers read staff by role, never by id.
    private static Dictionary<string, string>? Public(IReadOnlyDictionary<string, string>? parameters) =>
        parameters?.ToDictionary(p => p.Key, p => StaffIds.Contains(p.Key) ? "staff" : p.Value, StringComparer.Ordinal);
}
