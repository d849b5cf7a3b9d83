using System.Net.Http.Headers;
using System.Net.Http.Json;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.LocalHost.Demo;

/// <summary>
/// The demo against the real service: starts it with compressed durations on its own Azurite data, submits a
/// Chinese complaint over HTTP, walks it through every stage with the staff API, and prints mail and timeline.
/// </summary>
internal sealed class ServiceDemo(TextWriter output)
{
    private int _mailsShown;

    public async Task<int> RunAsync(string[] args)
    {
        var data = Path.Combine(Path.GetTempPath(), "serverless-complaints-demo-" + Guid.NewGuid().ToString("N")[..8]);
        await using var service = await LocalService.StartAsync(
            [.. args, "--urls", "http://127.0.0.1:0", "--LocalService:DataDirectory", data, "--Workflow:FollowUpDelay", "00:00:02",
             "--LocalService:AzuriteBlobPort", "0", "--LocalService:AzuriteQueuePort", "0", "--LocalService:AzuriteTablePort", "0", "--Logging:LogLevel:Default", "Warning"],
            line => output.WriteLine(line));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
            output.WriteLine($"Service up at {service.BaseUrl} (a throw-away instance; durations compressed).");
            var submitted = await http.PostAsJsonAsync("/api/complaints", new
            {
                kind = "complaint", category = "product-quality", subject = "电饭煲使用两天后无法加热",
                description = "11月20日在浦东店购买的电饭煲，使用两天后无法加热，影响家人正常用餐。",
                customer = new { name = "王芳", email = "wang.fang@example.cn", phone = "+86 138 0000 0000" },
                location = "浦东店", orderReference = "SO-88231", language = "zh-CN",
            });
            var accepted = (await submitted.Content.ReadFromJsonAsync<IntakeAccepted>(WorkflowJson.Options))!;
            var tn = accepted.TrackingNumber;
            await Step(http, $"POST /api/complaints → {(int)submitted.StatusCode}, tracking number {tn}", tn, "assignment");
            await Act(http, service, "zhang.wei", tn, "findings", new { rootCause = "加热盘批次缺陷", responsibleParty = "company", facts = "同批次已有3起类似投诉", remedy = new { type = "refund", amount = 599, description = "全额退款599元" } }, "approvalrequest");
            await Act(http, service, "wang.lei", tn, "approve", new { comment = "同意退款" }, "offer");
            await Act(http, service, "zhang.wei", tn, "customer-response", new { accepted = false, comment = "我想换一台新的" }, "revisionrequest");
            await Act(http, service, "zhang.wei", tn, "offer", new { remedy = new { type = "exchange", description = "更换同型号新机并赠送内胆" } }, "offer", 2);
            await Act(http, service, "zhang.wei", tn, "customer-response", new { accepted = true, comment = "好的，谢谢" }, "executionrequest");
            await Act(http, service, "zhang.wei", tn, "execute", new { reference = "EX-88231" }, "survey");
            await Act(http, service, "zhang.wei", tn, "survey", new { rating = 5, comment = "处理很及时" }, "closure");
            await PrintTimelineAsync(http, accepted);
            output.WriteLine("Run without --demo for a service that stays up: its dev mailbox shows such mail with working links.");
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task Act(HttpClient http, LocalService service, string staffId, string tn, string action, object body, string expectedMail, int count = 1)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/complaints/{tn}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", service.StaffKeys[staffId]);
        var response = await http.SendAsync(request);
        await Step(http, $"{staffId}: POST …/{action} → {(int)response.StatusCode}", tn, expectedMail, count);
    }

    private async Task Step(HttpClient http, string title, string tn, string expectedMail, int count = 1)
    {
        output.WriteLine(title);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<DevMail> mails;
        do
        {
            await Task.Delay(100);
            mails = [.. (await http.GetFromJsonAsync<List<DevMail>>("/dev/mailbox.json"))!.Where(m => m.NotificationId?.StartsWith(tn, StringComparison.Ordinal) == true).OrderBy(m => m.NotificationId, StringComparer.Ordinal)];
        }
        while (mails.Count(m => m.NotificationId!.EndsWith("-" + expectedMail, StringComparison.Ordinal)) < count && DateTime.UtcNow < deadline);

        foreach (var mail in mails.Skip(_mailsShown))
        {
            output.WriteLine($"   mail to {mail.To}: {mail.Subject}");
        }

        _mailsShown = mails.Count;
    }

    private async Task PrintTimelineAsync(HttpClient http, IntakeAccepted accepted)
    {
        var path = new Uri(accepted.StatusUrl).PathAndQuery.Replace("/status/", "/api/complaints/", StringComparison.Ordinal);
        PublicCaseView view;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(100);
            view = (await http.GetFromJsonAsync<PublicCaseView>(path, WorkflowJson.Options))!;
        }
        while (view.Stage != Workflow.Lifecycle.CaseStage.Archived && DateTime.UtcNow < deadline);

        output.WriteLine();
        output.WriteLine($"Case {view.TrackingNumber}: stage {view.Stage}, outcome {view.Outcome}. Public timeline:");
        foreach (var entry in view.Timeline)
        {
            output.WriteLine($"  {entry.AtUtc:HH:mm:ss}  {entry.Actor,-8} {entry.Action,-18} {entry.Detail}");
        }
    }
}
