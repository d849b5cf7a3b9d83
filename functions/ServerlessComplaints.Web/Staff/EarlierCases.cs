using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Web.Staff;

/// <summary>One of the customer's other cases, as the case page lists it; kind, subject and outcome when known.</summary>
public sealed record EarlierCase(string TrackingNumber, DateTime ReceivedAtUtc, CaseStage Stage, ComplaintKind? Kind = null, string? Subject = null, CaseOutcome? Outcome = null)
{
    public static EarlierCase Of(ComplaintRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.TrackingNumber, record.Details.ReceivedAtUtc, record.Stage, record.Details.Kind, record.Details.Subject, record.Outcome);
    }
}

/// <summary>
/// The customer's other cases (same email or phone), newest first.
/// INTERIM — replace with the store's customer-index lookup (helper A, staff-projections: ICustomerCases.ListOtherCasesAsync,
/// mapped with new EarlierCase(c.TrackingNumber, c.ReceivedAtUtc, c.Stage)): this reads the queue query (up to 500 cases, a
/// scan on Table storage) and filters by <see cref="CustomerMatch"/>.
/// </summary>
internal static class EarlierCases
{
    public const int Shown = 20;

    public static async Task<IReadOnlyList<EarlierCase>> ListAsync(IComplaintStore store, ComplaintRecord record, CancellationToken cancellationToken)
    {
        var candidates = await store.QueryAsync(new CaseQuery(Take: 500), cancellationToken);
        return
        [
            .. candidates
                .Where(r => r.TrackingNumber != record.TrackingNumber && CustomerMatch.SamePerson(r.Details.Customer, record.Details.Customer))
                .OrderByDescending(r => r.Details.ReceivedAtUtc)
                .Take(Shown)
                .Select(EarlierCase.Of),
        ];
    }
}
