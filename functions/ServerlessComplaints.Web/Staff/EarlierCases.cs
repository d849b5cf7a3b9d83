using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Web.Staff;

/// <summary>One of the customer's other cases, as the case page lists it; kind, subject and outcome when known.</summary>
public sealed record EarlierCase(string TrackingNumber, DateTime ReceivedAtUtc, CaseStage Stage, ComplaintKind? Kind = null, string? Subject = null, CaseOutcome? Outcome = null);

/// <summary>
/// The customer's other cases (same email or phone), newest first, from the hashed customer index
/// (<see cref="ICustomerCases"/>): the index's rows only, no record read per case — the link opens each.
/// </summary>
internal static class EarlierCases
{
    public const int Shown = 20;

    public static async Task<IReadOnlyList<EarlierCase>> ListAsync(ICustomerCases index, ComplaintRecord record, CancellationToken cancellationToken) =>
    [
        .. (await index.ListOtherCasesAsync(record.Details.Customer, record.TrackingNumber, Shown, cancellationToken))
            .Select(c => new EarlierCase(c.TrackingNumber, c.ReceivedAtUtc, c.Stage)),
    ];
}
