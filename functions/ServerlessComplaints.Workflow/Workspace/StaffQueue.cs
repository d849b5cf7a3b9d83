using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>Whose cases the queue lists: the viewer's own, their department's, or every department's (manager and up).</summary>
public enum QueueScope
{
    Mine,
    Department,
    All,
}

/// <summary>The queue's order: earliest deadline first (the default), newest first, or highest escalation first.</summary>
public enum QueueSort
{
    Due,
    Received,
    Escalation,
}

/// <summary>
/// One request of the staff queue: scope, filters, free-text search (tracking number, customer name / email / phone,
/// words of subject or description; Chinese by characters), order and page (1-based).
/// </summary>
public sealed record StaffQueueRequest(
    QueueScope Scope = QueueScope.Mine,
    CaseStage? Stage = null,
    ComplaintKind? Kind = null,
    Category? Category = null,
    string? Location = null,
    string? DepartmentId = null,
    string? OwnerId = null,
    bool OverdueOnly = false,
    bool EscalatedOnly = false,
    DateOnly? ReceivedFrom = null,
    DateOnly? ReceivedTo = null,
    string? Search = null,
    QueueSort Sort = QueueSort.Due,
    int Page = 1,
    int PageSize = 25);

/// <summary>How close a case is to its deadline: under half its working time used, past 50 %, past 80 %, overdue; None without a deadline or once closed.</summary>
public enum SlaRisk
{
    None,
    OnTrack,
    PastHalf,
    Past80,
    Overdue,
}

/// <summary>
/// The time left to a deadline in working time on the business calendar (negative when overdue), the share of the
/// working time from receipt to deadline already used, and the risk band it falls in.
/// </summary>
public sealed record SlaCountdown(SlaRisk Risk, TimeSpan WorkingTimeLeft, double FractionUsed)
{
    public static readonly SlaCountdown None = new(SlaRisk.None, TimeSpan.Zero, 0);
}

/// <summary>One row of the staff queue.</summary>
public sealed record StaffQueueRow(
    string TrackingNumber,
    ComplaintKind Kind,
    Category Category,
    string Subject,
    string CustomerName,
    string? Location,
    CaseStage Stage,
    string? OwnerId,
    string? DepartmentId,
    int EscalationLevel,
    Urgency Urgency,
    DateTime ReceivedAtUtc,
    DateTime? DueAtUtc,
    SlaCountdown Sla);

/// <summary>A page of the queue; <see cref="EntitiesRead"/> counts the stored rows read to answer it (the benchmark's criterion).</summary>
public sealed record StaffQueuePage(IReadOnlyList<StaffQueueRow> Rows, int Page, int PageSize, bool HasMore, int EntitiesRead);

/// <summary>The staff queue: the viewer's scope (checked against their role), filtered, searched, sorted and paged.</summary>
/// <remarks>
/// Lists open cases unless the stage filter is closed or archived (then those) or a search is given (then any retained
/// case, open or closed, unless an open stage is asked for). Mine is the viewer's own cases, Department the viewer's
/// department (another department in the filter gives nothing), All every department for managers and up. Overdue: open
/// and due before now; escalated: level above 0; the received date range is in the business calendar's zone. A search
/// matches a whole tracking number, customer email, phone number (all digits, or the last 11) or name (whole, or one
/// word of it), or every word of the query in the subject or description (Chinese by characters: two or more
/// characters match as consecutive pairs). Implementations: <see cref="InMemoryStaffQueue"/> and
/// <c>AzureStorage.TableStaffQueue</c> over projections, both registered with their stores.
/// </remarks>
public interface IStaffQueue
{
    /// <exception cref="UnauthorizedAccessException">The scope is beyond the viewer's role (All needs manager or above).</exception>
    Task<StaffQueuePage> ListAsync(StaffMember viewer, StaffQueueRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The whole listing in its order, from the first row, up to <paramref name="max"/> rows (the exports): the
    /// request's page and page size are not used. The stored rows are read in one pass, where asking for the pages one
    /// after another reads every earlier page again.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The scope is beyond the viewer's role.</exception>
    IAsyncEnumerable<StaffQueueRow> ListAllAsync(StaffMember viewer, StaffQueueRequest request, int max, CancellationToken cancellationToken);
}
