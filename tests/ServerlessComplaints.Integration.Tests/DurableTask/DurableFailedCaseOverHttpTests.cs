using System.Net;
using System.Text.Json;
using ServerlessComplaints.Integration.Tests.LocalService;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>A failed case on the Durable Task engine: staff retry it (a new execution) or terminate it through the staff API.</summary>
[Collection(DurableLocalServiceCollection.Name)]
public class DurableFailedCaseOverHttpTests(DurableLocalServiceFixture fixture)
{
    private static async Task<JsonElement> WaitForRuntimeStatusAsync(CaseClient client, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var detail = await client.StaffDetailAsync("li.na");
            if (detail.GetProperty("runtimeStatus").GetString() == status)
            {
                return detail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"runtime status stayed {detail.GetProperty("runtimeStatus")}, expected {status}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task MailerFailsTwice_OnDurableTaskEngine_CaseFailedThenRetriedFromStaffApiContinues()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint", email: LocalServiceFixture.FailTwice));

        var failed = await WaitForRuntimeStatusAsync(client, "Failed");
        await client.ActAcceptedAsync("li.na", "retry", new { });
        await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement", LocalServiceFixture.FailTwice);
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn");

        Assert.Contains("SendNotification", failed.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal(CaseStage.Failed, failed.GetProperty("record").GetProperty("stage").GetString());
        Assert.Equal(CaseStage.Investigation, (await client.WaitForStageAsync(CaseStage.Investigation)).Stage);
        Assert.Equal("Running", (await WaitForRuntimeStatusAsync(client, "Running")).GetProperty("runtimeStatus").GetString());
        var timeline = (await client.StaffDetailAsync("li.na")).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("failed", timeline);
        Assert.Contains("retried", timeline);
    }

    [Fact]
    public async Task RunningCase_TerminatedFromStaffApi_OnDurableTaskEngine_InstanceTerminatedAndCaseArchived()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        await client.ActAcceptedAsyncOk("li.na", "terminate", new { reason = "客户撤回投诉" });
        var detail = await WaitForRuntimeStatusAsync(client, "Terminated");
        var again = await client.ActAsync("li.na", "terminate", new { reason = "again" });

        Assert.Equal(CaseStage.Archived, detail.GetProperty("record").GetProperty("stage").GetString());
        Assert.Equal("terminated", detail.GetProperty("record").GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
