using System.Net;
using System.Text.Json;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>A manager terminates a running case through the staff API: the instance is terminated and the case archived.</summary>
[Collection(LocalServiceCollection.Name)]
public class TerminateRunningCaseTests(LocalServiceFixture fixture)
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
    public async Task RunningCase_TerminatedFromStaffApi_InstanceTerminatedAndCaseArchived()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        await client.ActAcceptedAsyncOk("li.na", "terminate", new { reason = "客户撤回投诉" });
        var detail = await WaitForRuntimeStatusAsync(client, "Terminated");
        var again = await client.ActAsync("li.na", "terminate", new { reason = "again" });

        Assert.Equal("archived", detail.GetProperty("record").GetProperty("stage").GetString());
        Assert.Equal("terminated", detail.GetProperty("record").GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
