using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>Who a reply to a case is from, as far as the webhook can tell.</summary>
public enum ReplySenderKind
{
    /// <summary>The case's customer, vouched for by SPF or DKIM: the customer's message, shown on the status page.</summary>
    Customer,

    /// <summary>A staff member from the directory, vouched for: a staff note, never the customer's message.</summary>
    Staff,

    /// <summary>Anyone else, or an address SPF/DKIM do not vouch for: held for staff review, never shown publicly.</summary>
    Held,
}

/// <summary>
/// Judges the sender of a reply that quotes a case: the case's customer or a known staff address, each only when SPF
/// or DKIM vouches for it (<see cref="SenderAuthentication"/>); anything else is held for staff review.
/// <see cref="HeldBecause"/> says why in English (webhook answer, owner's mail); <see cref="HeldCode"/> says it as a
/// code (<c>Held.*</c>) with the failed checks' <see cref="Verdict"/>, for the timeline.
/// </summary>
public sealed record ReplySender(ReplySenderKind Kind, StaffMember? Staff = null, string? HeldBecause = null)
{
    public const string NotCustomer = "not-customer";
    public const string CustomerUnverified = "customer-unverified";
    public const string StaffUnverified = "staff-unverified";

    public string? HeldCode { get; init; }

    /// <summary>The SPF/DKIM verdicts that failed, as reported; null when none failed (no aligned pass at all).</summary>
    public string? Verdict { get; init; }

    public static ReplySender Of(ComplaintRecord record, InboundMessage message, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(directory);
        var address = message.FromAddress;
        var customer = string.Equals(record.Details.Customer.Email, address, StringComparison.OrdinalIgnoreCase);
        var staff = customer ? null : directory.All.FirstOrDefault(s => string.Equals(s.Email, address, StringComparison.OrdinalIgnoreCase));
        if (!customer && staff is null)
        {
            return new ReplySender(ReplySenderKind.Held, HeldBecause: "not the customer's address") { HeldCode = NotCustomer };
        }

        if (SenderAuthentication.Unverified(message) is { } reason)
        {
            return new ReplySender(ReplySenderKind.Held, HeldBecause: (customer ? "the customer's address, but " : "a staff address, but ") + reason)
            {
                HeldCode = customer ? CustomerUnverified : StaffUnverified,
                Verdict = SenderAuthentication.Failure(message),
            };
        }

        return customer ? new ReplySender(ReplySenderKind.Customer) : new ReplySender(ReplySenderKind.Staff, staff);
    }
}
