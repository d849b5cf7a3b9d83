using System.Net;
using ServerlessComplaints.Integration.Tests.LocalService;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>The local service on the Durable Task engine over real HTTP: form to archive, staff API, dev mail sink.</summary>
[Collection(DurableLocalServiceCollection.Name)]
public class DurableLifecycleOverHttpTests(DurableLocalServiceFixture fixture)
{
    private const string Owner = "zhang.wei";

    [Fact]
    public async Task ComplaintWithApproval_OnDurableTaskEngine_FromFormToArchiveOverHttp()
    {
        var client = new CaseClient(fixture);

        var submitted = await client.SubmitAsync(CaseClient.Submission("complaint"));
        await client.WaitForStageAsync(CaseStage.Investigation);
        await client.ActAcceptedAsync(Owner, "findings", new { rootCause = "加热盘缺陷", responsibleParty = "company", facts = "同批次问题", remedy = new { type = "refund", amount = 599, description = "退款599元" } });
        await client.WaitForStageAsync(CaseStage.Approval);
        await fixture.WaitForMailAsync(client.TrackingNumber, "approvalrequest", "wang.lei@example.cn");
        await client.ActAcceptedAsync("wang.lei", "approve", new { comment = "同意" });
        var offer = await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail);
        await client.ActAcceptedAsync(Owner, "customer-response", new { accepted = true, comment = "电话确认接受" });
        await fixture.WaitForMailAsync(client.TrackingNumber, "executionrequest", "zhang.wei@example.cn");
        await client.ActAcceptedAsync(Owner, "execute", new { reference = "RF-88231" });
        await fixture.WaitForMailAsync(client.TrackingNumber, "survey", CaseClient.CustomerEmail);
        await client.WaitForStageAsync(CaseStage.FollowUp);
        await client.ActAcceptedAsync(Owner, "survey", new { rating = 5, comment = "满意" });
        var final = await client.WaitForStageAsync(CaseStage.Archived);

        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Contains("599.00", offer.Text, StringComparison.Ordinal);
        Assert.Equal(CaseOutcome.Resolved, final.Outcome);
        Assert.Contains(final.Timeline, e => e.Action == "executed" && e.Detail == "reference RF-88231");
        await fixture.WaitForMailAsync(client.TrackingNumber, "closure", CaseClient.CustomerEmail);
        Assert.Equal("Completed", (await client.StaffDetailAsync("li.na")).GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task LowSurveyRating_OnDurableTaskEngine_ReopensOnceThenArchives()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));

        await client.WaitForStageAsync(CaseStage.Investigation);
        await client.ActAcceptedAsync(Owner, "findings", new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "repair", amount = 0, description = "免费维修" } });
        await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail);
        await client.ActAcceptedAsync(Owner, "customer-response", new { accepted = true });
        await fixture.WaitForMailAsync(client.TrackingNumber, "executionrequest", "zhang.wei@example.cn");
        await client.ActAcceptedAsync(Owner, "execute", new { reference = "R-1" });
        await fixture.WaitForMailAsync(client.TrackingNumber, "survey", CaseClient.CustomerEmail);
        await client.WaitForStageAsync(CaseStage.FollowUp);
        await client.ActAcceptedAsync(Owner, "survey", new { rating = 1, comment = "还是坏的" });
        await client.WaitForStageAsync(CaseStage.Investigation);
        await client.ActAcceptedAsync(Owner, "findings", new { rootCause = "second defect", responsibleParty = "company", facts = "f", remedy = new { type = "exchange", amount = 0, description = "换一台新的" } });
        await fixture.WaitForMailAsync(client.TrackingNumber, "offer", CaseClient.CustomerEmail, count: 2);
        await client.ActAcceptedAsync(Owner, "customer-response", new { accepted = true });
        await fixture.WaitForMailAsync(client.TrackingNumber, "executionrequest", "zhang.wei@example.cn", count: 2);
        await client.ActAcceptedAsync(Owner, "execute", new { reference = "R-2" });
        await fixture.WaitForMailAsync(client.TrackingNumber, "survey", CaseClient.CustomerEmail, count: 2);
        await client.WaitForStageAsync(CaseStage.FollowUp);
        await client.ActAcceptedAsync(Owner, "survey", new { rating = 4 });
        var final = await client.WaitForStageAsync(CaseStage.Archived);

        Assert.Equal(CaseOutcome.Resolved, final.Outcome);
        Assert.Contains(final.Timeline, e => e.Action == "reopened");
    }
}
