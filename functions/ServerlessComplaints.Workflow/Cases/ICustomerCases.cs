using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>Another case of the same customer, as the staff case page lists it.</summary>
public sealed record CustomerCase(string TrackingNumber, DateTime ReceivedAtUtc, CaseStage Stage);

/// <summary>A customer's cases found by email or phone (through the hashed customer index in Azure Tables).</summary>
public interface ICustomerCases
{
    /// <summary>
    /// The customer's other cases (same email, case-insensitive, or same phone digits), newest first, at most
    /// <paramref name="take"/>; <paramref name="excludeTrackingNumber"/> is left out.
    /// </summary>
    Task<IReadOnlyList<CustomerCase>> ListOtherCasesAsync(Customer customer, string excludeTrackingNumber, int take, CancellationToken cancellationToken);
}
