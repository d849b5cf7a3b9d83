using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// Gathers a <see cref="CaseContextView"/> from what one case already keeps: its record (read by the caller), its
/// timeline (one partition) and its evidence listing (one prefix), never a scan. Evidence gets links signed for
/// <see cref="EvidenceLinkLifetime"/>; the container stays private.
/// </summary>
public sealed class CaseContextReader(ITimelineStore timeline, IEvidenceStore evidence, EvidenceLinks links, StaffDirectory directory, AuthorityMatrix authority)
{
    /// <summary>Long enough to read the page and open its files, short enough that a forwarded page soon stops opening them.</summary>
    public static readonly TimeSpan EvidenceLinkLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// What the page of a link with <paramref name="claims"/> shows: the customer's own links their complaint and the
    /// offer or what was done; staff links the complaint, evidence and messages, plus the findings, the proposal with
    /// both limits (approval), the last offer and its answer (revision) or the accepted offer (execution).
    /// </summary>
    public async Task<CaseContextView> ForLinkAsync(ComplaintRecord record, ActionTokenClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(claims);
        var tn = record.TrackingNumber;
        if (claims.Actor == "customer")
        {
            return claims.Action switch
            {
                LinkActions.CustomerResponse => new CaseContextView(record, ForStaff: false) { Offer = record.Remedy },
                LinkActions.Survey => new CaseContextView(record, ForStaff: false) { Accepted = Accepted(record, await EntriesAsync(tn, cancellationToken)), Reply = record.Reply },
                _ => new CaseContextView(record, ForStaff: false),
            };
        }

        var entries = await EntriesAsync(tn, cancellationToken);
        var files = await evidence.ListAsync(tn, cancellationToken);
        var view = new CaseContextView(record, ForStaff: true)
        {
            Evidence = [.. files.Select(f => new EvidenceLink(f.FileName, f.ContentType, f.Size, "/evidence/" + links.Token(f.BlobName, EvidenceLinkLifetime)))],
            EvidenceLinkLifetime = EvidenceLinkLifetime,
            Messages = [.. entries.Where(e => e.Action == TimelineCodes.CustomerMessage && e.Detail is { Length: > 0 }).Select(e => new CustomerMessage(e.AtUtc, e.Detail!))],
        };
        return claims.Action switch
        {
            LinkActions.Approval => view with
            {
                Findings = record.Findings,
                Proposal = record.Remedy is { } remedy ? Proposal(remedy, ProposerOf(record, entries), claims.Actor) : null,
            },
            LinkActions.Offer => view with { Findings = record.Findings, Offer = record.Remedy, LastAnswer = LastAnswer(entries), Viewer = Authority(claims.Actor) },
            LinkActions.Execute => view with { Findings = record.Findings, Accepted = Accepted(record, entries) },
            _ => view,
        };
    }

    /// <summary>The directory entry of <paramref name="staffId"/> with their department and limit; null for an id the directory lacks.</summary>
    public StaffAuthority? Authority(string? staffId) =>
        staffId is not null && directory.Find(staffId) is { } member
            ? new StaffAuthority(member, directory.GetDepartment(member.Department), authority.LimitOf(member.Role))
            : null;

    private RemedyProposal Proposal(Domain.Remedy remedy, string proposerId, string approverId) =>
        new(remedy, proposerId, Authority(proposerId), Authority(approverId));

    // The remedy on the record is the last one proposed: by the findings, or by the revision since.
    private static string ProposerOf(ComplaintRecord record, IReadOnlyList<TimelineEntry> entries) =>
        entries.LastOrDefault(e => e.Action is TimelineCodes.Findings or TimelineCodes.OfferRevised)?.Actor
        ?? record.Findings?.StaffId ?? record.OwnerId ?? "";

    private static AcceptedOffer? Accepted(ComplaintRecord record, IReadOnlyList<TimelineEntry> entries) =>
        record.Remedy is { } remedy && entries.LastOrDefault(e => e.Action == TimelineCodes.OfferAccepted) is { } accepted
            ? new AcceptedOffer(remedy, accepted.AtUtc)
            : null;

    private OfferAnswer? LastAnswer(IReadOnlyList<TimelineEntry> entries) =>
        entries.LastOrDefault(e => e.Action is TimelineCodes.Rejected or TimelineCodes.OfferDeclined) is { } answer
            ? new OfferAnswer(answer.Action, answer.AtUtc, answer.Detail, answer.Action == TimelineCodes.Rejected ? directory.Find(answer.Actor)?.Name ?? answer.Actor : null)
            : null;

    private async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(string trackingNumber, CancellationToken cancellationToken) =>
        [.. (await timeline.ListAsync(trackingNumber, cancellationToken)).OrderBy(e => e.AtUtc)];
}
