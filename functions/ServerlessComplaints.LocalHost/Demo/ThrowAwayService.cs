using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ServerlessComplaints.LocalHost.Hosting;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.LocalHost.Demo;

/// <summary>
/// The real local service for a demo: a throw-away data folder, its own Azurite on free ports, a free HTTP port, and
/// the calls a demo makes over HTTP (intake, staff API, dev mailbox, case views). Deletes its data when disposed.
/// </summary>
internal sealed class ThrowAwayService : IAsyncDisposable
{
    private readonly string _data;

    private ThrowAwayService(LocalService service, string data)
    {
        Service = service;
        _data = data;
        Http = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
    }

    /// <summary>
    /// The engine of a seconds-long demo, given first so a demo's own arguments win: one control queue, and no drain on
    /// stop (the case is archived and the data thrown away; the drain's wait for quiet queues kept the prompt ~7 s).
    /// </summary>
    private static readonly string[] DemoEngine =
    [
        "--DurableTask:PartitionCount", "1", "--DurableTask:StopTimeout", "00:00:00.500",
        "--Logging:LogLevel:ServerlessComplaints.Durable.Core.ComplaintTaskHub", "Error", // its "stopped forced" warning is expected here
    ];

    public LocalService Service { get; }

    public HttpClient Http { get; }

    /// <summary>Starts the service with <paramref name="args"/> (configuration overrides) on top of the throw-away settings.</summary>
    public static async Task<ThrowAwayService> StartAsync(IEnumerable<string> args, TextWriter output)
    {
        var data = Path.Combine(Path.GetTempPath(), "serverless-complaints-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var service = await LocalService.StartAsync(
                [.. DemoEngine, .. args, "--urls", "http://127.0.0.1:0", "--LocalService:DataDirectory", data,
                 "--LocalService:AzuriteBlobPort", "0", "--LocalService:AzuriteQueuePort", "0", "--LocalService:AzuriteTablePort", "0", "--Logging:LogLevel:Default", "Warning"],
                line => output.WriteLine(line));
            return new ThrowAwayService(service, data);
        }
        catch
        {
            DeleteData(data);
            throw;
        }
    }

    /// <summary>The demo's Chinese complaint about a rice cooker, posted to the public intake API.</summary>
    public async Task<(int Status, IntakeAccepted Accepted)> SubmitComplaintAsync()
    {
        var submitted = await Http.PostAsJsonAsync("/api/complaints", new
        {
            kind = "complaint", category = "product-quality", subject = "电饭煲使用两天后无法加热",
            description = "11月20日在浦东店购买的电饭煲，使用两天后无法加热，影响家人正常用餐。",
            customer = new { name = "王芳", email = "wang.fang@example.cn", phone = "+86 138 0000 0000" },
            location = "浦东店", orderReference = "SO-88231", language = "zh-CN",
        });
        submitted.EnsureSuccessStatusCode();
        return ((int)submitted.StatusCode, (await submitted.Content.ReadFromJsonAsync<IntakeAccepted>(WorkflowJson.Options))!);
    }

    /// <summary>A staff action through the staff API, as <paramref name="staffId"/> with their key; returns the HTTP status.</summary>
    public async Task<int> ActAsync(string staffId, string trackingNumber, string action, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/complaints/{trackingNumber}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Service.StaffKeys[staffId]);
        using var response = await Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The case's mail in the dev mailbox, oldest first (notification ids carry a sequence number).</summary>
    public async Task<IReadOnlyList<DevMail>> MailsAsync(string trackingNumber) =>
        [.. (await Http.GetFromJsonAsync<List<DevMail>>("/dev/mailbox.json"))!
            .Where(m => m.NotificationId?.StartsWith(trackingNumber, StringComparison.Ordinal) == true)
            .OrderBy(m => m.NotificationId, StringComparer.Ordinal)];

    /// <summary>Polls the mailbox until the case has <paramref name="count"/> mails of <paramref name="kind"/> or <paramref name="timeout"/> passes.</summary>
    public async Task<IReadOnlyList<DevMail>> WaitForMailAsync(string trackingNumber, string kind, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<DevMail> mails;
        do
        {
            await Task.Delay(100);
            mails = await MailsAsync(trackingNumber);
        }
        while (mails.Count(m => IsKind(m, kind)) < count && DateTime.UtcNow < deadline);

        return mails;
    }

    /// <summary>The customer's view of the case once it is archived (or as it is when <paramref name="timeout"/> passes).</summary>
    public async Task<PublicCaseView> WaitForArchiveAsync(IntakeAccepted accepted, TimeSpan timeout)
    {
        var path = new Uri(accepted.StatusUrl).PathAndQuery.Replace("/status/", "/api/complaints/", StringComparison.Ordinal);
        var deadline = DateTime.UtcNow + timeout;
        PublicCaseView view;
        do
        {
            // Public routes are rate-limited (60 a minute by default): poll gently.
            await Task.Delay(500);
            view = (await Http.GetFromJsonAsync<PublicCaseView>(path, WorkflowJson.Options))!;
        }
        while (view.Stage != Workflow.Lifecycle.CaseStage.Archived && DateTime.UtcNow < deadline);

        return view;
    }

    /// <summary>The staff view of the case (the whole timeline, internal entries included), read as <paramref name="staffId"/>.</summary>
    public async Task<StaffCaseDetail> StaffDetailAsync(string staffId, string trackingNumber)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/staff/complaints/{trackingNumber}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Service.StaffKeys[staffId]);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<StaffCaseDetail>(WorkflowJson.Options))!;
    }

    /// <summary>Whether <paramref name="mail"/> is of a notification kind ("escalation", "reminder"): ids end with it.</summary>
    /// <summary>Timeline entries as sentences in English, staff by name (the demos' printout).</summary>
    public IReadOnlyList<Workflow.Localization.TimelineLine> Sentences(IEnumerable<Workflow.Cases.TimelineEntry> entries)
    {
        var services = Service.App.Services;
        var text = new Workflow.Localization.TimelineText(
            services.GetRequiredService<Workflow.Localization.CaseTimes>(), services.GetRequiredService<Workflow.Assessment.StaffDirectory>());
        return text.Render(entries, Workflow.Localization.CaseCulture.English);
    }

    public static bool IsKind(DevMail mail, string kind) => mail.NotificationId?.EndsWith("-" + kind, StringComparison.Ordinal) == true;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
        DeleteData(_data);
    }

    private static void DeleteData(string data)
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
