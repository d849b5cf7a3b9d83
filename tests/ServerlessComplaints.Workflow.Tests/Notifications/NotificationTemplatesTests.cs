using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Mail;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Tests.Notifications;

public partial class NotificationTemplatesTests
{
    private const string CustomerSubject = "{owner} 退款 {trackingNumber} https://evil.example/x?a=1&b=<2>";

    private static Dictionary<string, string> Values() => new(StringComparer.Ordinal)
    {
        ["subject"] = CustomerSubject,
        ["kind"] = "投诉",
        ["trackingNumber"] = "CMP-20261123-ABCDEF",
        ["due"] = "by the end of 26 November (UTC+8)",
        ["owner"] = "张伟",
        ["category"] = "产品质量",
        ["urgency"] = "normal",
        ["statusUrl"] = "http://127.0.0.1:7071/status/CMP-20261123-ABCDEF?t=abc",
        ["actionUrl"] = "http://127.0.0.1:7071/actions/tok",
    };

    private static async Task<string> HtmlAsync(MailContent mail, string language)
    {
        await using var services = new ServiceCollection().AddComplaintCentreMail().BuildServiceProvider();
        return await services.GetRequiredService<IMailLayout>().RenderAsync(mail.Subject, mail.Body, language, default);
    }

    [Theory]
    [InlineData(NotificationKind.Acknowledgement, CaseLanguage.Chinese)]
    [InlineData(NotificationKind.Acknowledgement, CaseLanguage.English)]
    [InlineData(NotificationKind.Assignment, CaseLanguage.Chinese)]
    [InlineData(NotificationKind.Assignment, CaseLanguage.English)]
    public async Task Render_CustomerSubjectWithPlaceholders_InsertedLiterallyNeverExpanded(NotificationKind kind, string language)
    {
        var mail = NotificationTemplates.Render(kind, language, Values());
        var html = await HtmlAsync(mail, language);

        Assert.Contains(CustomerSubject, mail.Body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟 退款", mail.Body.Text, StringComparison.Ordinal);
        Assert.Contains("{owner} 退款 {trackingNumber} https://evil.example/x?a=1&amp;b=&lt;2&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_CustomerUrl_PlainTextInHtml_ProductLinksAnchored()
    {
        var html = await HtmlAsync(NotificationTemplates.Render(NotificationKind.Acknowledgement, CaseLanguage.English, Values()), CaseLanguage.English);

        Assert.DoesNotContain("<a href=\"https://evil.example", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<a ").Length - 1);
        Assert.Contains("<a href=\"http://127.0.0.1:7071/status/CMP-20261123-ABCDEF?t=abc\"", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownPlaceholderInTemplate_LeftVisible()
    {
        var values = Values();
        values.Remove("due");

        var mail = NotificationTemplates.Render(NotificationKind.Acknowledgement, CaseLanguage.English, values);

        Assert.Contains("within {within}, {due}.", mail.Body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_TextEncodedLineBreaksKept_BlankLineIsAParagraph_NeverLinked()
    {
        var body = new MailBody([new MailPart("a <b> https://x.example/?q=1&r=2\nc\n\nd")]);

        var html = await HtmlAsync(new MailContent("s", body), CaseLanguage.English);

        Assert.Matches(@"a &lt;b&gt; https://x.example/\?q=1&amp;r=2\s*<br>\s*c\s*</p>\s*<p[^>]*>\s*d", html);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
    }

    /// <summary>The inbound templates (the owner's mail when an email joins a case) in both languages.</summary>
    [Theory]
    [InlineData("InboundCustomer", "zh-CN", "收到客户的新邮件")]
    [InlineData("InboundCustomer", "en", "has a new email from the customer")]
    [InlineData("InboundStaffNote", "zh-CN", "已作为内部备注记录")]
    [InlineData("InboundStaffNote", "en", "recorded as a staff note")]
    [InlineData("InboundHeld", "zh-CN", "未作为客户留言显示")]
    [InlineData("InboundHeld", "en", "it is not shown as the customer's message")]
    public async Task InboundTemplates_BothLanguages_EveryPlaceholderFilled_CaseLinkAnchored(string template, string language, string expected)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trackingNumber"] = "CMP-20261123-ABCDEF",
            ["subject"] = "电饭煲不加热",
            ["staffName"] = "张伟",
            ["fromAddress"] = "someone@example.cn",
            ["heldBecause"] = "not the customer's address",
            ["mailText"] = "see https://evil.example/x",
            ["attachments"] = "",
            ["caseUrl"] = "http://127.0.0.1:7071/api/staff/complaints/CMP-20261123-ABCDEF",
        };

        var mail = NotificationTemplates.Render(template, CultureInfo.GetCultureInfo(language), values);
        var html = await HtmlAsync(mail, language);

        Assert.Contains(expected, mail.Body.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(Placeholder(), mail.Subject + mail.Body.Text);
        Assert.Contains("<a href=\"http://127.0.0.1:7071/api/staff/complaints/CMP-20261123-ABCDEF\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"https://evil.example", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mail.Inbound.Stored")]
    [InlineData("Mail.Inbound.Refused")]
    [InlineData("Mail.Inbound.NotKept")]
    public void InboundAttachmentLabels_BothLanguages_TakeTheList(string key)
    {
        foreach (var culture in CaseCulture.All)
        {
            Assert.Contains("{items}", CaseTexts.Get(key, culture), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();
}
