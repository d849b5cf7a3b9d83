using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Tests.Api;

/// <summary>What each action link's page is given about its case: from the record, the timeline and the evidence listing.</summary>
public sealed class CaseContextReaderTests
{
    private const string Tn = "CMP-20261123-7K3Q9Z";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Remedy Refund = new(RemedyType.Refund, 599m, "全额退款");

    private readonly InMemoryTimelineStore _timeline = new();
    private readonly InMemoryEvidenceStore _evidence = new();
    private readonly ManualTimeProvider _time = new(Now);
    private readonly EvidenceLinks _links;
    private readonly CaseContextReader _reader;

    public CaseContextReaderTests()
    {
        _links = new EvidenceLinks(ActionTokenOptions.WithRandomKey(), _time);
        var authority = new AuthorityMatrix(new AuthorityOptions { StaffLimit = 200m, SupervisorLimit = 1000m, ManagerLimit = 5000m });
        _reader = new CaseContextReader(_timeline, _evidence, _links, new StaffDirectory(StaffDirectoryOptions.Sample()), authority);
    }

    private static ComplaintRecord Record() =>
        new(new ComplaintDetails(Tn, ComplaintKind.Complaint, Category.ProductQuality, Channel.Web, "电饭煲无法加热", "使用两天后无法加热",
            new Customer("王芳", "wang.fang@example.cn", null), "zh-CN", Now.UtcDateTime.AddDays(-2)))
        {
            Stage = CaseStage.Approval,
            OwnerId = "zhang.wei",
            Findings = new FindingsSubmitted("zhang.wei", "加热盘缺陷", ResponsibleParty.Company, "同批次", Refund),
            Remedy = Refund,
        };

    private static ActionTokenClaims Link(string action, string actor) => new(Tn, action, actor, Now.UtcDateTime.AddDays(14), "nonce");

    private async Task Entry(string code, string actor, int minutesAgo, string? text = null) =>
        await _timeline.AppendAsync(
            TimelineEntry.Of(Tn, $"{Tn}-{code}-{minutesAgo}", Now.UtcDateTime.AddMinutes(-minutesAgo), actor, code, false,
                text is null ? [] : new Dictionary<string, string> { [TimelineParameters.Text] = text }),
            default);

    [Fact]
    public async Task ForLinkAsync_ApprovalOfAFinalOffer_ProposerIsTheReviserAndBothLimitsAreGiven()
    {
        await Entry(TimelineCodes.Findings, "zhang.wei", 60);
        await Entry(TimelineCodes.OfferRevised, "li.na", 10);

        var view = await _reader.ForLinkAsync(Record() with { Remedy = Refund with { Amount = 6000m } }, Link(LinkActions.Approval, "gao.feng"), default);

        var proposal = Assert.IsType<RemedyProposal>(view.Proposal);
        Assert.Equal(6000m, proposal.Remedy.Amount);
        Assert.Equal("li.na", proposal.ProposerId);
        Assert.Equal(("李娜", StaffRole.Manager, "品质部", 5000m), (proposal.Proposer!.Member.Name, proposal.Proposer.Member.Role, proposal.Proposer.Department.NameZh, proposal.Proposer.Limit));
        Assert.Equal(("高峰", (decimal?)null), (proposal.Approver!.Member.Name, proposal.Approver.Limit));
        Assert.Equal("加热盘缺陷", view.Findings?.RootCause);
        Assert.True(view.ForStaff);
    }

    [Fact]
    public async Task ForLinkAsync_Evidence_LinksSignedForOneBlobThatStopWorkingAfterHalfAnHour()
    {
        var photo = await _evidence.SaveAsync(Tn, "照片.png", "image/png", new byte[] { 1 }, default);
        var receipt = await _evidence.SaveAsync(Tn, "发票.pdf", "application/pdf", new byte[] { 2 }, default);

        var view = await _reader.ForLinkAsync(Record(), Link(LinkActions.Findings, "zhang.wei"), default);

        Assert.Equal([("照片.png", true), ("发票.pdf", false)], view.Evidence.Select(e => (e.FileName, e.IsImage)));
        var tokens = view.Evidence.Select(e => e.Url["/evidence/".Length..]).ToList();
        Assert.All(view.Evidence, e => Assert.StartsWith("/evidence/", e.Url, StringComparison.Ordinal));
        Assert.Equal([photo.BlobName, receipt.BlobName], tokens.Select(_links.Read));
        _time.SetUtcNow(Now + CaseContextReader.EvidenceLinkLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(photo.BlobName, _links.Read(tokens[0]));
        _time.SetUtcNow(Now + CaseContextReader.EvidenceLinkLifetime + TimeSpan.FromSeconds(1));
        Assert.All(tokens, t => Assert.Null(_links.Read(t)));
        Assert.True(CaseContextReader.EvidenceLinkLifetime <= TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task ForLinkAsync_FindingsLink_CustomerMessagesInOrderAndNoDecisionParts()
    {
        await Entry(TimelineCodes.CustomerMessage, "customer", 30, "第二条");
        await Entry(TimelineCodes.CustomerMessage, "customer", 90, "第一条");
        await Entry(TimelineCodes.StaffEmailNote, "zhang.wei", 20, "内部备注");

        var view = await _reader.ForLinkAsync(Record() with { Findings = null, Remedy = null }, Link(LinkActions.Findings, "zhang.wei"), default);

        Assert.Equal(["第一条", "第二条"], view.Messages.Select(m => m.Text));
        Assert.Null(view.Findings);
        Assert.Null(view.Proposal);
        Assert.Null(view.Accepted);
    }

    [Fact]
    public async Task ForLinkAsync_OfferAfterRejection_LastOfferTheApproversWordsAndTheOwnersLimit()
    {
        await Entry(TimelineCodes.Findings, "zhang.wei", 60);
        await Entry(TimelineCodes.Rejected, "wang.lei", 10, "金额过高");

        var view = await _reader.ForLinkAsync(Record(), Link(LinkActions.Offer, "zhang.wei"), default);

        Assert.Equal(Refund, view.Offer);
        Assert.Equal(new OfferAnswer(TimelineCodes.Rejected, Now.UtcDateTime.AddMinutes(-10), "金额过高", "王磊"), view.LastAnswer);
        Assert.Equal(200m, view.Viewer?.Limit);
    }

    [Fact]
    public async Task ForLinkAsync_ExecuteLink_TheAcceptedOfferAndWhen()
    {
        await Entry(TimelineCodes.OfferSent, "system", 90);
        await Entry(TimelineCodes.OfferAccepted, "customer", 45);

        var view = await _reader.ForLinkAsync(Record() with { Stage = CaseStage.Execution }, Link(LinkActions.Execute, "zhang.wei"), default);

        Assert.Equal(new AcceptedOffer(Refund, Now.UtcDateTime.AddMinutes(-45)), view.Accepted);
        Assert.Null(view.Proposal);
    }

    [Fact]
    public async Task ForLinkAsync_CustomersOwnLink_TheOfferAndNothingInternal()
    {
        await _evidence.SaveAsync(Tn, "照片.png", "image/png", new byte[] { 1 }, default);
        await Entry(TimelineCodes.CustomerMessage, "customer", 30, "请尽快处理");

        var view = await _reader.ForLinkAsync(Record(), Link(LinkActions.CustomerResponse, "customer"), default);

        Assert.False(view.ForStaff);
        Assert.Equal(Refund, view.Offer);
        Assert.Empty(view.Evidence);
        Assert.Empty(view.Messages);
        Assert.Null(view.Findings);
        Assert.Null(view.Proposal);
        Assert.Null(view.Viewer);
    }
}
