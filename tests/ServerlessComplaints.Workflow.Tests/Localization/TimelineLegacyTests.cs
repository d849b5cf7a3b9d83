using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Tests.Calendar;
using ServerlessComplaints.Workflow.Tests.Lifecycle;

namespace ServerlessComplaints.Workflow.Tests.Localization;

/// <summary>Timeline rows stored before entries were codes with parameters: a code (or none known) and an English or own-words detail.</summary>
public class TimelineLegacyTests
{
    private static readonly DateTime At = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>Rows as the earlier releases wrote them, and the title each rendered as then, in Chinese and English.</summary>
    public static TheoryData<string, string, string, bool, string, string> StoredRows() => new()
    {
        { "received", "customer", "channel: web", true, "已受理", "Received" },
        { "assessed", "system", "urgency urgent, department quality, owner zhang.wei; repeat complaint", false, "已评估", "Assessed" },
        { "offer-sent", "system", "refund 599.00: 更换新机", true, "已发送处理方案", "Offer sent" },
        { "no-response", "system", "the customer did not answer; the offer stands", true, "客户未回复，处理方案继续有效", "No answer to the offer; it stands" },
        { "archived", "system", "outcome resolved; kept until 2027-11-23", true, "已归档", "Archived" },
        { "retried", "zhang.wei", "after: Activity 'SendNotification' failed: SMTP down", false, "故障后已重试", "Retried after a failure" },
        { "terminated", "wang.lei", "客户撤诉", false, "已终止", "Terminated" },
        { "failed", "system", "Activity 'SendNotification' failed: SMTP down", false, "处理出错", "Processing failed" },
        { "legal-hold-placed", "wang.lei", "诉讼保全 2027-001", false, "已设置法律保全", "Legal hold placed" },
        { "legal-hold-released", "wang.lei", "诉讼结束", false, "已解除法律保全", "Legal hold released" },
        { "customer-message", "customer", "补充：加热盘有焦味。", true, "客户留言", "Message from the customer" },
        { "evidence-added", "customer", "照片.jpg", true, "已添加证据", "Evidence added" },
        { "staff-email-note", "li.na", "已电话联系客户。\n[attachments not kept: 通话记录.jpg]", false, "通过邮件收到的备注", "Note received by email" },
        { "email-held-for-review", "email", "stranger@evil.example (not the customer's address):\n请点击链接", false, "邮件待审核", "Email held for review" },
        { "evidence-refused", "system", "setup.exe: file type not allowed (JPEG, PNG, GIF, WebP, PDF or plain text)", false, "附件被拒收", "Attachment refused" },
        { "attachments-refused", "system", "file type not allowed (JPEG, PNG, GIF, WebP, PDF or plain text)", true, "部分附件未能接收", "Some attachments could not be accepted" },
        { "email-authentication-failed", "system", "SPF: fail; DKIM: {@example.cn : fail}", false, "发件人验证未通过", "Sender authentication failed" },
        { "automatic-email-ignored", "system", "Auto-Submitted: auto-replied", false, "已忽略自动发送的邮件", "Automatic email ignored" },
        { "memo", "system", "imported from the old system", false, "案件已更新", "Case updated" },
    };

    [Theory]
    [MemberData(nameof(StoredRows))]
    public async Task Render_StoredRowWithoutParameters_TitleAsBeforeAndTheStoredDetailQuoted(string code, string actor, string detail, bool isPublic, string zh, string en)
    {
        var store = new InMemoryTimelineStore();
        await store.AppendAsync(new TimelineEntry("CMP-20261123-ABCDEF", "old-1", At, actor, code, detail, isPublic), CancellationToken.None);
        var stored = Assert.Single(await store.ListAsync("CMP-20261123-ABCDEF", CancellationToken.None));
        var renderer = new TimelineText(new CaseTimes(TestCalendars.China), new StaffDirectory(StaffDirectoryOptions.Sample()));

        var chinese = renderer.Render(stored, CaseCulture.Chinese);
        var english = renderer.Render(stored, CaseCulture.English);

        Assert.Null(stored.Parameters);
        Assert.Equal((zh, detail), (chinese.Text, chinese.Quote));
        Assert.Equal((en, detail), (english.Text, english.Quote));
        Assert.Equal(isPublic, chinese.IsPublic);
    }

    [Fact]
    public async Task StatusView_CaseWithStoredRows_OldRowsKeepTheirDetailNewRowsCarryParameters()
    {
        var harness = CaseHarness.Create(ComplaintHappyPathTests.Monday);
        var tn = await harness.SubmitAsync();
        var timeline = harness.Services.GetRequiredService<ITimelineStore>();
        await timeline.AppendAsync(new TimelineEntry(tn, $"{tn}-legacy-1", harness.Now, "customer", "customer-message", "补充：加热盘有焦味。", true), CancellationToken.None);
        await timeline.AppendAsync(new TimelineEntry(tn, $"{tn}-legacy-2", harness.Now, "system", "attachments-refused", "file type not allowed", true), CancellationToken.None);
        var status = ActivatorUtilities.CreateInstance<StatusHandler>(harness.Services, harness.Host.Client);

        var view = (await status.FindAsync(tn, null, CaseHarness.CustomerEmail, CancellationToken.None))!;

        var legacy = view.Timeline.Where(e => e.Parameters is null).ToList();
        Assert.Equal(["补充：加热盘有焦味。", "file type not allowed"], legacy.Select(e => e.Detail));
        var received = Assert.Single(view.Timeline, e => e.Action == TimelineCodes.Received);
        Assert.Equal(("web", null), (received.Parameters![TimelineParameters.Channel], received.Detail));
        Assert.DoesNotContain(view.Timeline, e => e.Action == TimelineCodes.Assessed);
    }
}
