using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Runtime.Activities;
using ServerlessComplaints.Runtime.Dispatch;
using ServerlessComplaints.Runtime.Hosting;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.LocalHost.Demo;

/// <summary>
/// Walks one Chinese complaint through every stage on the deterministic runtime with a simulated clock, printing
/// each step's mail and the final timeline: the whole product in a few seconds.
/// </summary>
internal sealed class DemoScript(TextWriter output)
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddComplaintWorkflow(new ComplaintCentreSettings())
        .AddInMemoryCaseStores()
        .BuildServiceProvider();

    private DeterministicWorkflowHost _host = null!;
    private string _trackingNumber = "";
    private int _mailsShown;

    public async Task<int> RunAsync()
    {
        var invoker = new ServiceProviderActivityInvoker(_services, ComplaintActivities.All);
        var start = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        _host = new DeterministicWorkflowHost(ComplaintOrchestrations.CreateRegistry(), invoker, start);

        await Step("A customer submits a complaint on the web form", SubmitAsync);
        await Step("Two days pass without findings (reminders to the owner)", () => _host.AdvanceAsync(TimeSpan.FromDays(2)));
        await Step("The owner submits findings and proposes a 599 yuan refund (above the owner's 200 limit)", () => Raise(WorkflowEvents.Findings,
            new FindingsSubmitted("zhang.wei", "加热盘批次缺陷", ResponsibleParty.Company, "同批次已有3起类似投诉", new Remedy(RemedyType.Refund, 599m, "全额退款599元"))));
        await Step("The supervisor approves", () => Raise(WorkflowEvents.Approval, new ApprovalDecision("wang.lei", true, "同意退款")));
        await Step("The customer declines: she wants an exchange", () => Raise(WorkflowEvents.CustomerResponse, new OfferResponse(false, "我想换一台新的")));
        await Step("The owner revises the offer", () => Raise(WorkflowEvents.Offer, new RevisedOffer("zhang.wei", new Remedy(RemedyType.Exchange, 0m, "更换同型号新机并赠送内胆"))));
        await Step("The customer accepts", () => Raise(WorkflowEvents.CustomerResponse, new OfferResponse(true, "好的，谢谢")));
        await Step("The owner confirms the exchange", () => Raise(WorkflowEvents.Execution, new ExecutionConfirmed("zhang.wei", "EX-88231")));
        await Step("Three days later the follow-up survey goes out", () => _host.AdvanceAsync(TimeSpan.FromDays(3)));
        await Step("The customer rates 5/5", () => Raise(WorkflowEvents.Survey, new SurveyAnswered(5, "处理很及时")));
        await PrintTimelineAsync();
        return 0;
    }

    private async Task SubmitAsync()
    {
        var intake = new CaseIntake(_services.GetRequiredService<IntakeValidator>(), _host.Client, _services.GetRequiredService<BusinessCalendar>(),
            _services.GetRequiredService<WorkflowSettings>(), _host.Clock);
        var submission = new ComplaintSubmission
        {
            Kind = "complaint",
            Category = "product-quality",
            Subject = "电饭煲使用两天后无法加热",
            Description = "11月20日在浦东店购买的电饭煲，使用两天后无法加热，影响家人正常用餐。",
            Customer = new CustomerSubmission { Name = "王芳", Email = "wang.fang@example.cn", Phone = "+86 138 0000 0000" },
            Location = "浦东店",
            OrderReference = "SO-88231",
            Language = "zh-CN",
        };
        var outcome = await intake.SubmitAsync(submission, Channel.Web);
        _trackingNumber = outcome.TrackingNumber ?? throw new InvalidOperationException("The sample complaint was rejected.");
        await _host.SettleAsync();
        output.WriteLine($"   tracking number {_trackingNumber}");
    }

    private async Task Raise(string eventName, object payload)
    {
        // People take a while to answer: a few hours pass before each action.
        await _host.AdvanceAsync(TimeSpan.FromHours(3));
        var status = await _host.Client.GetStatusAsync(_trackingNumber);
        await _host.RaiseEventAsync(_trackingNumber, eventName, ExpectedEvents.ForCurrentRound(status?.CustomStatusJson, eventName, payload));
    }

    private async Task Step(string title, Func<Task> action)
    {
        await action();
        var status = await _host.GetCustomStatusAsync<CaseStatus>(_trackingNumber);
        output.WriteLine($"[{Local(_host.UtcNow)}] {title}");
        output.WriteLine($"   stage: {status?.Stage}, due: {(status?.DueAtUtc is { } due ? Local(due) : "-")}, escalation level: {status?.EscalationLevel}");
        var mails = _services.GetRequiredService<InMemoryMailbox>().Mails;
        foreach (var mail in mails.Skip(_mailsShown))
        {
            output.WriteLine($"   mail to {mail.To}: {mail.Subject}");
        }

        _mailsShown = mails.Count;
    }

    private async Task PrintTimelineAsync()
    {
        var instance = await _host.Client.GetStatusAsync(_trackingNumber);
        output.WriteLine();
        output.WriteLine($"Case {_trackingNumber}: {instance?.RuntimeStatus}, outcome {instance?.OutputJson}");
        output.WriteLine("Timeline:");
        foreach (var entry in await _services.GetRequiredService<ITimelineStore>().ListAsync(_trackingNumber, default))
        {
            output.WriteLine($"  {Local(entry.AtUtc)}  {entry.Actor,-10} {entry.Action,-22} {entry.Detail}");
        }
    }

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _services.GetRequiredService<BusinessCalendar>().TimeZone)
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
