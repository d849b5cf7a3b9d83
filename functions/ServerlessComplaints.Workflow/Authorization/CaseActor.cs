using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>Who acts: a member of the staff directory, or the case's customer (through a signed link only).</summary>
public sealed record CaseActor(StaffMember? Staff)
{
    public static readonly CaseActor Customer = new((StaffMember?)null);

    public bool IsCustomer => Staff is null;

    /// <summary>The id recorded on the timeline: the staff id, or "customer".</summary>
    public string Id => Staff?.Id ?? "customer";

    public static CaseActor Of(StaffMember staff) => new(staff);
}
