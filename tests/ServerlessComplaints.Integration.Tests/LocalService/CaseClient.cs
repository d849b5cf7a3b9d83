using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>Drives one case over HTTP the way a customer and staff would.</summary>
internal sealed class CaseClient(LocalServiceFixture fixture)
{
    public const string CustomerEmail = "wang.fang@example.cn";

    public string TrackingNumber { get; set; } = "";

    public string StatusUrl { get; private set; } = "";

    public static object Submission(string kind, string category = "product-quality", string email = CustomerEmail) => new
    {
        kind,
        category,
        subject = "电饭煲使用两天后无法加热",
        description = "11月20日在浦东店购买的电饭煲，使用两天后无法加热。",
        customer = new { name = "王芳", email, phone = "+86 138 0000 0000" },
        location = "浦东店",
        language = "zh-CN",
    };

    public async Task<HttpResponseMessage> SubmitAsync(object submission)
    {
        var response = await fixture.Http.PostAsJsonAsync("/api/complaints", submission);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var accepted = (await response.Content.ReadFromJsonAsync<IntakeAccepted>(WorkflowJson.Options))!;
            TrackingNumber = accepted.TrackingNumber;
            StatusUrl = accepted.StatusUrl;
        }

        return response;
    }

    public string Token => StatusUrl[(StatusUrl.IndexOf("?t=", StringComparison.Ordinal) + 3)..];

    public async Task<PublicCaseView> StatusAsync() =>
        (await fixture.Http.GetFromJsonAsync<PublicCaseView>($"/api/complaints/{TrackingNumber}?t={Token}", WorkflowJson.Options))!;

    /// <summary>Polls the public status until the stage is reached.</summary>
    public async Task<PublicCaseView> WaitForStageAsync(CaseStage stage)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await StatusAsync();
            if (status.Stage == stage)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{TrackingNumber} stayed in stage {status.Stage}, expected {stage}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Polls the public status until the timeline holds an entry with the action code: the orchestration sends a
    /// mail one activity before it records the step, so a mail in the sink does not yet mean the entry is there.
    /// </summary>
    public async Task<PublicCaseView> WaitForTimelineAsync(string action)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await StatusAsync();
            if (status.Timeline.Any(e => e.Action == action))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{TrackingNumber} has no timeline entry {action} (stage {status.Stage}).");
            }

            await Task.Delay(100);
        }
    }

    public async Task<HttpResponseMessage> ActAsync(string staffId, string action, object body)
    {
        using var staff = fixture.StaffClient(staffId);
        return await staff.PostAsJsonAsync($"/api/staff/complaints/{TrackingNumber}/{action}", body);
    }

    public async Task ActAcceptedAsync(string staffId, string action, object body)
    {
        var response = await ActAsync(staffId, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task ActAcceptedAsyncOk(string staffId, string action, object body)
    {
        var response = await ActAsync(staffId, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> StaffDetailAsync(string staffId)
    {
        using var staff = fixture.StaffClient(staffId);
        return await staff.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{TrackingNumber}");
    }
}
