using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// What a person deciding on a case sees beside the decision: the complaint as submitted and, where they apply, the
/// evidence, the customer's messages, the findings, the remedy being decided on with who proposed it and the limits,
/// the accepted offer, and the answer to the last offer. Parts left empty are not shown. Gathered by
/// <see cref="CaseContextReader"/>; a customer's view (<see cref="ForStaff"/> false) carries nothing internal.
/// </summary>
public sealed record CaseContextView(ComplaintRecord Record, bool ForStaff)
{
    /// <summary>The case's files, each with a short-lived signed link (staff only).</summary>
    public IReadOnlyList<EvidenceLink> Evidence { get; init; } = [];

    /// <summary>How long the evidence links work from when the page was made.</summary>
    public TimeSpan EvidenceLinkLifetime { get; init; }

    /// <summary>The customer's own messages so far (from the status page or by mail), oldest first.</summary>
    public IReadOnlyList<CustomerMessage> Messages { get; init; } = [];

    /// <summary>What the investigation found, when the decision depends on it.</summary>
    public FindingsSubmitted? Findings { get; init; }

    /// <summary>The remedy waiting for approval, its proposer and the approver, each with their limit.</summary>
    public RemedyProposal? Proposal { get; init; }

    /// <summary>The remedy on the table: the offer the customer answers, or the last one a revision replaces.</summary>
    public Remedy? Offer { get; init; }

    /// <summary>The answer that asks for a revision: the approver's rejection or the customer's decline, with their words.</summary>
    public OfferAnswer? LastAnswer { get; init; }

    /// <summary>The offer the customer accepted and when: what execution carries out.</summary>
    public AcceptedOffer? Accepted { get; init; }

    /// <summary>The inquiry answer or suggestion reply sent to the customer, when the page asks about it.</summary>
    public string? Reply { get; init; }

    /// <summary>The person the page is for with their limit (a revision's author: above it the offer goes for approval).</summary>
    public StaffAuthority? Viewer { get; init; }
}

/// <summary>An evidence file and its signed link (<c>/evidence/{token}</c>); images get a preview.</summary>
public sealed record EvidenceLink(string FileName, string ContentType, long Size, string Url)
{
    /// <summary>Types every browser shows in an <c>img</c> (the evidence allow-list has no SVG).</summary>
    public bool IsImage => ContentType is "image/jpeg" or "image/png" or "image/gif" or "image/webp";
}

/// <summary>A customer's message on the case: when and their words.</summary>
public sealed record CustomerMessage(DateTime AtUtc, string Text);

/// <summary>A staff member with the department they belong to and the highest amount they may approve (null: no limit).</summary>
public sealed record StaffAuthority(StaffMember Member, Department Department, decimal? Limit);

/// <summary>
/// A remedy waiting for approval: who proposed it (their directory entry when known, else their id) and the approver.
/// </summary>
public sealed record RemedyProposal(Remedy Remedy, string ProposerId, StaffAuthority? Proposer, StaffAuthority? Approver);

/// <summary>The offer the customer accepted, and when.</summary>
public sealed record AcceptedOffer(Remedy Remedy, DateTime AcceptedAtUtc);

/// <summary>
/// How the last offer was answered: <see cref="TimelineCodes.Rejected"/> by an approver (<c>ApproverName</c>)
/// or <see cref="TimelineCodes.OfferDeclined"/> by the customer, with their words if any.
/// </summary>
public sealed record OfferAnswer(string Code, DateTime AtUtc, string? Comment, string? ApproverName = null);
