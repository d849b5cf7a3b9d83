using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>
/// Plan a deadline from <paramref name="StartUtc"/> on the business calendar: an explicit <paramref name="Span"/>, or
/// else the configured SLA of <paramref name="Kind"/> (the special-case extension when <paramref name="Extended"/>).
/// </summary>
public sealed record DeadlineRequest(DateTime StartUtc, SlaSpan? Span = null, ComplaintKind Kind = ComplaintKind.Complaint, bool Extended = false);
