using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// One queue request made concrete for one viewer: the scope checked against the role, the owner and department it
/// pins, whether closed cases may be listed, the filter over <see cref="QueueCase"/>s and the order. Every queue
/// implementation uses it, so the in-memory and table queues agree.
/// </summary>
internal sealed class QueueSelection
{
    // Pages of the screen are 25; a page may be as large as this, and exports read the table 1,000 rows at a time.
    public const int MaxPageSize = 1_000;

    private readonly StaffQueueRequest _request;
    private readonly BusinessCalendar _calendar;

    private QueueSelection(StaffQueueRequest request, BusinessCalendar calendar, DateTime nowUtc, string? ownerId, string? departmentId, bool empty)
    {
        _request = request;
        _calendar = calendar;
        NowUtc = nowUtc;
        OwnerId = ownerId;
        DepartmentId = departmentId;
        IsEmpty = empty;
        Page = Math.Max(1, request.Page);
        PageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        Search = SearchTerms.Query(request.Search);
        IncludesClosed = request.Stage is CaseStage.Closed or CaseStage.Archived || !string.IsNullOrWhiteSpace(request.Search);
        OpenOnly = !IncludesClosed || (request.Stage is { } stage && stage is not (CaseStage.Closed or CaseStage.Archived));
    }

    public DateTime NowUtc { get; }

    /// <summary>The owner every listed case has (scope Mine, or an owner filter); null for any.</summary>
    public string? OwnerId { get; }

    /// <summary>The department every listed case is in (scope Department, or a department filter); null for any.</summary>
    public string? DepartmentId { get; }

    /// <summary>The scope and the filters contradict each other (another owner's cases under Mine): nothing can match.</summary>
    public bool IsEmpty { get; }

    public int Page { get; }

    public int PageSize { get; }

    public int Skip => (Page - 1) * PageSize;

    public QueueSort Sort => _request.Sort;

    public IReadOnlyList<IReadOnlyList<string>> Search { get; }

    public bool IsSearch => Search.Count > 0;

    /// <summary>A closed or archived stage filter, or a search: closed cases may be listed.</summary>
    public bool IncludesClosed { get; }

    /// <summary>Only open cases can match (no search, or a search limited to an open stage).</summary>
    public bool OpenOnly { get; }

    public DateOnly? ReceivedFrom => _request.ReceivedFrom;

    public DateOnly? ReceivedTo => _request.ReceivedTo;

    public bool OverdueOnly => _request.OverdueOnly;

    public bool EscalatedOnly => _request.EscalatedOnly;

    public StaffQueueRequest Request => _request;

    /// <summary>The first instant (UTC) of a local date on the business calendar.</summary>
    public DateTime StartOfDayUtc(DateOnly date) => SlaCountdowns.StartOfDayUtc(_calendar, date);

    /// <exception cref="UnauthorizedAccessException">Scope All for someone below manager.</exception>
    public static QueueSelection For(StaffMember viewer, StaffQueueRequest request, BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        var owner = Blank(request.OwnerId);
        var department = Blank(request.DepartmentId);
        var empty = false;
        switch (request.Scope)
        {
            case QueueScope.Mine:
                empty = owner is not null && !Same(owner, viewer.Id);
                owner = viewer.Id;
                break;
            case QueueScope.Department:
                empty = department is not null && !Same(department, viewer.Department);
                department = viewer.Department;
                break;
            case QueueScope.All when viewer.Role < StaffRole.Manager:
                throw new UnauthorizedAccessException($"Every department's cases are for managers and above; {viewer.Id} is {viewer.Role}.");
            case QueueScope.All:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Scope, "Unknown queue scope.");
        }

        return new QueueSelection(request, calendar, nowUtc, owner, department, empty);
    }

    /// <summary>Scope and every filter except the search terms.</summary>
    public bool Matches(QueueCase c)
    {
        var r = _request;
        return !IsEmpty
            && (c.Open || !OpenOnly)
            && (OwnerId is null || Same(c.OwnerId, OwnerId))
            && (DepartmentId is null || Same(c.DepartmentId, DepartmentId))
            && (r.Stage is null || c.Stage == r.Stage)
            && (r.Kind is null || c.Kind == r.Kind)
            && (r.Category is null || c.Category == r.Category)
            && (Blank(r.Location) is not { } location || Same(c.Location, location))
            && (!r.OverdueOnly || (c.Open && c.DueAtUtc < NowUtc))
            && (!r.EscalatedOnly || c.EscalationLevel > 0)
            && (r.ReceivedFrom is null || _calendar.LocalDate(c.ReceivedAtUtc) >= r.ReceivedFrom)
            && (r.ReceivedTo is null || _calendar.LocalDate(c.ReceivedAtUtc) <= r.ReceivedTo);
    }

    /// <summary>The requested order, the tracking number breaking ties; the table keys of the projection sort the same way.</summary>
    public IOrderedEnumerable<QueueCase> Order(IEnumerable<QueueCase> cases) => Sort switch
    {
        QueueSort.Received => cases.OrderByDescending(c => c.ReceivedAtUtc).ThenBy(c => c.TrackingNumber, StringComparer.Ordinal),
        QueueSort.Escalation => cases.OrderByDescending(c => c.EscalationLevel).ThenBy(c => c.DueAtUtc ?? DateTime.MaxValue).ThenBy(c => c.TrackingNumber, StringComparer.Ordinal),
        _ => cases.OrderBy(c => c.DueAtUtc ?? DateTime.MaxValue).ThenBy(c => c.TrackingNumber, StringComparer.Ordinal),
    };

    /// <summary>Ids and locations compare trimmed and lowercased (the table projection stores them so for its filters).</summary>
    public static bool Same(string? a, string? b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    public static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
