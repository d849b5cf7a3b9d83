using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

[Collection(LocalServiceCollection.Name)]
public class RestartTests(LocalServiceFixture fixture)
{
    [Fact]
    public async Task Restart_CaseSurvivesAndContinues()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("suggestion", "facilities"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        await fixture.RestartServiceAsync();
        var afterRestart = await client.StatusAsync();
        await client.ActAcceptedAsync("ma.chao", "review", new { adopted = false, reply = "暂不采纳，谢谢。" });
        var final = await client.WaitForStageAsync(CaseStage.Archived);

        Assert.Equal(CaseStage.Investigation, afterRestart.Stage);
        Assert.Equal(CaseOutcome.Reviewed, final.Outcome);
    }
}
