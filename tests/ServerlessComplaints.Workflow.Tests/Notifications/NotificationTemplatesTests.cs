using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Tests.Notifications;

public class NotificationTemplatesTests
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

    [Theory]
    [InlineData(NotificationKind.Acknowledgement, CaseLanguage.Chinese)]
    [InlineData(NotificationKind.Acknowledgement, CaseLanguage.English)]
    [InlineData(NotificationKind.Assignment, CaseLanguage.Chinese)]
    [InlineData(NotificationKind.Assignment, CaseLanguage.English)]
    public void Render_CustomerSubjectWithPlaceholders_InsertedLiterallyNeverExpanded(NotificationKind kind, string language)
    {
        var (_, body, html) = NotificationTemplates.Render(kind, language, Values());

        Assert.Contains(CustomerSubject, body, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟 退款", body, StringComparison.Ordinal);
        Assert.Contains("{owner} 退款 {trackingNumber} https://evil.example/x?a=1&amp;b=&lt;2&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CustomerUrl_PlainTextInHtml_ProductLinksAnchored()
    {
        var (_, _, html) = NotificationTemplates.Render(NotificationKind.Acknowledgement, CaseLanguage.English, Values());

        Assert.DoesNotContain("<a href=\"https://evil.example", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<a ").Length - 1);
        Assert.Contains("<a href=\"http://127.0.0.1:7071/status/CMP-20261123-ABCDEF?t=abc\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownPlaceholderInTemplate_LeftVisible()
    {
        var values = Values();
        values.Remove("due");

        var (_, body, _) = NotificationTemplates.Render(NotificationKind.Acknowledgement, CaseLanguage.English, values);

        Assert.Contains("within {within}, {due}.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void MailHtml_Text_EncodesAndNeverLinks()
    {
        Assert.Equal("a &lt;b&gt; https://x.example/?q=1&amp;r=2<br>c", MailHtml.Text("a <b> https://x.example/?q=1&r=2\nc"));
    }
}
