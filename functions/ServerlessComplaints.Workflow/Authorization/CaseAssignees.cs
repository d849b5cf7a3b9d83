using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>
/// Whom a step of a reassigned case belongs to now. The orchestration keeps naming the owner, supervisor and manager
/// it assigned (it is never told of a reassignment, so replay stays as it was): a step of a previous owner is the
/// current owner's, and after a move to another department a step of the old department's supervisor or manager
/// (an approval, an extension, the final offer) is the new department's holder of that role. An approval is never
/// the owner's, whoever proposed it. The authorization decision and the mail sender both ask here.
/// </summary>
public static class CaseAssignees
{
    public const string Customer = "customer";

    /// <param name="directory">The staff directory.</param>
    /// <param name="assignee">The staff id the orchestration named (or "customer", or "").</param>
    /// <param name="ownersStep">Whether the step can be the owner's (false for an approval).</param>
    /// <param name="ownerId">The case's current owner.</param>
    /// <param name="previousOwners">The owners the case was reassigned away from.</param>
    /// <param name="departmentId">The case's department (its owner's, else the record's).</param>
    public static string Current(StaffDirectory directory, string assignee, bool ownersStep, string? ownerId, IReadOnlyList<string>? previousOwners, string? departmentId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (previousOwners is not { Count: > 0 } previous || assignee is Customer or "")
        {
            return assignee;
        }

        if (ownersStep && ownerId is not null && previous.Contains(assignee, StringComparer.OrdinalIgnoreCase))
        {
            return ownerId;
        }

        return directory.Find(assignee) is { Role: StaffRole.Supervisor or StaffRole.Manager } holder && departmentId is not null
            && !string.Equals(holder.Department, departmentId, StringComparison.OrdinalIgnoreCase)
            ? directory.HolderOf(departmentId, holder.Role).Id
            : assignee;
    }
}
