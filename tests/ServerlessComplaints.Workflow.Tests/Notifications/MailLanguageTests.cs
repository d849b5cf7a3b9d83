using ServerlessComplaints.Web.Mail;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Setup;
using ServerlessComplaints.Workflow.Tests.Localization;

namespace ServerlessComplaints.Workflow.Tests.Notifications;

/// <summary>Every mail rendered in both languages from a realistic case: no placeholder left, no system code shown.</summary>
public partial class MailLanguageTests
{
    private const string TrackingNumber = "CMP-20261123-ABCDEF";
    private static readonly Remedy Refund = new(RemedyType.Refund, 599m, "全额退款");

    private static readonly Dictionary<NotificationKind, (string Recipient, Dictionary<string, string>? Data)> Requests = new()
    {
        [NotificationKind.Acknowledgement] = (NotificationRequest.Customer, null),
        [NotificationKind.StatusLink] = (NotificationRequest.Customer, null),
        [NotificationKind.Assignment] = ("zhang.wei", null),
        [NotificationKind.Reminder] = ("zhang.wei", new() { ["percent"] = "50" }),
        [NotificationKind.Escalation] = ("wang.lei", new() { ["level"] = "1" }),
        [NotificationKind.ExtensionNotice] = (NotificationRequest.Customer, new() { ["reason"] = "需要供应商检测" }),
        [NotificationKind.InquiryAnswer] = (NotificationRequest.Customer, new() { ["answer"] = "营业时间为 9:00–21:00。" }),
        [NotificationKind.SuggestionReply] = (NotificationRequest.Customer, new() { ["reply"] = "感谢建议，已采纳。" }),
        [NotificationKind.ApprovalRequest] = ("wang.lei", MailData.Of(Refund)),
        [NotificationKind.ApprovalEscalated] = ("zhang.wei", new() { ["approver"] = "li.na" }),
        [NotificationKind.ApprovalRejected] = ("zhang.wei", new() { ["comment"] = "-" }),
        [NotificationKind.Offer] = (NotificationRequest.Customer, MailData.Of(Refund)),
        [NotificationKind.OfferReminder] = (NotificationRequest.Customer, null),
        [NotificationKind.RevisionRequest] = ("zhang.wei", new() { ["round"] = "1", ["comment"] = "金额太少" }),
        [NotificationKind.NegotiationEscalated] = ("li.na", new() { ["round"] = "3", ["comment"] = "-" }),
        [NotificationKind.ExecutionRequest] = ("zhang.wei", MailData.Of(Refund)),
        [NotificationKind.ExecutionNotice] = (NotificationRequest.Customer, new() { ["reference"] = "RF-88231" }),
        [NotificationKind.Survey] = (NotificationRequest.Customer, null),
        [NotificationKind.Reopened] = ("zhang.wei", new() { ["rating"] = "2" }),
        [NotificationKind.Closure] = (NotificationRequest.Customer, null),
        [NotificationKind.CustomerMessage] = ("zhang.wei", new() { ["message"] = "补充一张照片。", ["files"] = "photo.jpg" }),
        [NotificationKind.EscalationRequested] = ("wang.lei", new() { ["comment"] = "" }),
        [NotificationKind.CaseWithdrawn] = ("zhang.wei", new() { ["comment"] = "已自行解决" }),
        [NotificationKind.Reassigned] = ("wang.lei", new() { ["by"] = "李娜", ["from"] = "张伟" }),
    };

    public static TheoryData<NotificationKind, string> EveryMail()
    {
        var data = new TheoryData<NotificationKind, string>();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            data.Add(kind, CaseLanguage.Chinese);
            data.Add(kind, CaseLanguage.English);
        }

        return data;
    }

    [Fact]
    public void Requests_CoverEveryKind()
    {
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), Requests.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(EveryMail))]
    public async Task SendNotification_EveryKindInEachLanguage_NoPlaceholderNoSystemCode(NotificationKind kind, string language)
    {
        var mail = await SendAsync(kind, language);

        foreach (var text in new[] { mail.Subject, mail.TextBody, mail.HtmlBody! })
        {
            Assert.DoesNotMatch(LeftPlaceholder(), text);
        }

        if (language == CaseLanguage.Chinese)
        {
            var words = Url().Replace(mail.Subject + "\n" + mail.TextBody, " ");
            foreach (var code in SystemCodes())
            {
                Assert.False(Regex.IsMatch(words, $@"(?<![\w-]){Regex.Escape(code)}(?![\w-])", RegexOptions.IgnoreCase), $"{kind}: '{code}' in: {words}");
            }
        }
    }

    [Theory]
    [InlineData(CaseLanguage.Chinese, "处理方案：退款 ¥599.00：全额退款。金额：¥599.00。")]
    [InlineData(CaseLanguage.English, "Proposed remedy: Refund CN¥599.00: 全额退款. Amount: CN¥599.00.")]
    public async Task ApprovalRequest_Remedy_LabelAndCurrency(string language, string expected)
    {
        var mail = await SendAsync(NotificationKind.ApprovalRequest, language);

        Assert.StartsWith(expected, mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseLanguage.Chinese, "截止时间：11月26日 24:00 前 (UTC+8)", "3 个工作日")]
    [InlineData(CaseLanguage.English, "by the end of 26 November (UTC+8)", "within 3 working days")]
    public async Task Acknowledgement_Deadline_EndOfDayInTheCentresZone(string language, string deadline, string within)
    {
        var mail = await SendAsync(NotificationKind.Acknowledgement, language);

        Assert.Contains(deadline, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(within, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Asia/Shanghai", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closure_Outcome_InWords()
    {
        var zh = await SendAsync(NotificationKind.Closure, CaseLanguage.Chinese);
        var en = await SendAsync(NotificationKind.Closure, CaseLanguage.English);

        Assert.Contains("已结案（已解决）", zh.TextBody, StringComparison.Ordinal);
        Assert.Contains("is closed (resolved)", en.TextBody, StringComparison.Ordinal);
    }

    private static async Task<OutgoingMail> SendAsync(NotificationKind kind, string language)
    {
        await using var services = new ServiceCollection().AddComplaintWorkflow(new ComplaintCentreSettings()).AddInMemoryCaseStores().AddComplaintCentreMail().BuildServiceProvider();
        var details = new ComplaintDetails(TrackingNumber, ComplaintKind.Complaint, Category.ProductQuality, Channel.Web, "Rice cooker stopped heating", "Bought on 20 November.",
            new Customer("Wang Fang", "wang.fang@example.cn", null), language, new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc));
        await services.GetRequiredService<IComplaintStore>().TryAddAsync(new ComplaintRecord(details)
        {
            DueAtUtc = new DateTime(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc),
            OwnerId = "zhang.wei",
            Stage = CaseStage.Closed,
            Outcome = CaseOutcome.Resolved,
            Remedy = Refund,
        }, default);
        var (recipient, data) = Requests[kind];
        var request = new NotificationRequest($"{TrackingNumber}-{kind}", TrackingNumber, kind, recipient, data, LinkAction: "findings");

        var result = await services.GetRequiredService<SendNotification>().RunAsync(request, default);

        Assert.True(result.Sent, result.SkippedBecause);
        return Assert.Single(services.GetRequiredService<InMemoryMailbox>().Mails);
    }

    /// <summary>Every wire name and stage or outcome code that must never reach a Chinese reader as it is.</summary>
    private static IEnumerable<string> SystemCodes()
    {
        var enums = new[] { typeof(ComplaintKind), typeof(Category), typeof(RemedyType), typeof(ResponsibleParty), typeof(Urgency), typeof(Channel), typeof(Domain.StaffRole) };
        foreach (var type in enums)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
                yield return field.Name;
            }
        }

        foreach (var code in CaseTextsTests.Constants(typeof(CaseStage)).Concat(CaseTextsTests.Constants(typeof(CaseOutcome))))
        {
            yield return code;
        }

        foreach (var code in TimelineCodes.All)
        {
            yield return code;
        }
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex LeftPlaceholder();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
