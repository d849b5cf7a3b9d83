using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>A low survey rating reopens the case once over real HTTP; the second round closes it.</summary>
[Collection(LocalServiceCollection.Name)]
public class ReopenOverHttpTests(LocalServiceFixture fixture)
{
    private const string Owner = "zhang.wei";

    [Fact]
    public async Task LowSurveyRating_ReopensOnceThenArchives()
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
        // The owner's "case reopened" mail carries the findings link for the reopened investigation.
        var reopened = await fixture.WaitForMailAsync(client.TrackingNumber, "reopened", "zhang.wei@example.cn");
        var link = System.Text.RegularExpressions.Regex.Match(reopened.Text, @"http://[^\s]+/actions/[A-Za-z0-9._\-]+").Value;
        Assert.NotEmpty(link);
        Assert.Contains("id=\"action-form\"", await fixture.Http.GetStringAsync(new Uri(link).PathAndQuery), StringComparison.Ordinal);
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
