using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Integration.Tests.LocalService;

[Collection(LocalServiceCollection.Name)]
public class FailedCaseTests(LocalServiceFixture fixture)
{
    // The record's stage follows the runtime status by one write: a caller that asserts the stage waits for it too.
    private static async Task<JsonElement> WaitForRuntimeStatusAsync(CaseClient client, string status, CaseStage? stage = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var detail = await client.StaffDetailAsync("li.na");
            if (detail.GetProperty("runtimeStatus").GetString() == status
                && (stage is null || detail.GetProperty("record").GetProperty("stage").GetString() == WireNames.Of(stage.Value)))
            {
                return detail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"runtime status stayed {detail.GetProperty("runtimeStatus")}, expected {status}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ActivityOutOfRetries_CaseShownFailedWithError_RetryFromStaffApiContinues()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint", email: LocalServiceFixture.FailTwice));

        var failed = await WaitForRuntimeStatusAsync(client, "Failed", CaseStage.Failed);
        using var manager = fixture.StaffClient("li.na");
        var queue = await manager.GetFromJsonAsync<JsonElement>("/api/staff/complaints?stage=failed");
        var ownerTries = await client.ActAsync("zhang.wei", "retry", new { });
        await client.ActAcceptedAsync("li.na", "retry", new { });
        await WaitForRuntimeStatusAsync(client, "Running");
        await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement", LocalServiceFixture.FailTwice);
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn");

        Assert.Contains("'SendNotification'", failed.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", failed.GetProperty("record").GetProperty("stage").GetString());
        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("trackingNumber").GetString() == client.TrackingNumber);
        Assert.Equal(HttpStatusCode.Forbidden, ownerTries.StatusCode);
        Assert.Equal(CaseStage.Investigation, (await client.WaitForStageAsync(CaseStage.Investigation)).Stage);
        var timeline = (await client.StaffDetailAsync("li.na")).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("failed", timeline);
        Assert.Contains("retried", timeline);
    }

    [Fact]
    public async Task FailedCase_TerminatedFromStaffApi_ArchivedAsTerminated()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint", email: LocalServiceFixture.FailAlways));
        await WaitForRuntimeStatusAsync(client, "Failed");

        var withoutReason = await client.ActAsync("li.na", "terminate", new { });
        await client.ActAcceptedAsyncOk("li.na", "terminate", new { reason = "客户邮箱失效，已电话告知" });
        var detail = await client.StaffDetailAsync("li.na");
        var again = await client.ActAsync("li.na", "terminate", new { reason = "again" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        var record = detail.GetProperty("record");
        Assert.Equal("archived", record.GetProperty("stage").GetString());
        Assert.Equal("terminated", record.GetProperty("outcome").GetString());
        Assert.True(record.TryGetProperty("retainUntilUtc", out _));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "terminated");
    }
}
