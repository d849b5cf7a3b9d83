namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>
/// The actions an emailed link can carry, one wire name each: the case actions a link answers, plus
/// <see cref="Approval"/>, which lets the approver choose approve or reject on the page.
/// </summary>
public static class LinkActions
{
    public const string Findings = "findings";
    public const string Answer = "answer";
    public const string Review = "review";
    public const string Approval = "approval";
    public const string Offer = "offer";
    public const string CustomerResponse = "customer-response";
    public const string Execute = "execute";
    public const string Survey = "survey";

    public static readonly IReadOnlyList<string> All = [Findings, Answer, Review, Approval, Offer, CustomerResponse, Execute, Survey];

    /// <summary>Links whose page shows the remedy being decided on.</summary>
    public static bool ShowsProposal(string? action) => action is Approval or CustomerResponse;
}
