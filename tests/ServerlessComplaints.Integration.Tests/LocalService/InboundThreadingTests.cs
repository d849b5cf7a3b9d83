using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using static ServerlessComplaints.Integration.Tests.LocalService.InboundWebhook;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>Replies quoting a case over HTTP: only the case's customer speaks as the customer; the rest is held for staff.</summary>
[Collection(LocalServiceCollection.Name)]
public class InboundThreadingTests(LocalServiceFixture fixture)
{
    private const string Verified = "{@example.cn : pass}";

    private static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private static readonly (string, byte[])[] FivePhotos = [.. Enumerable.Range(1, 5).Select(i => ($"photo{i}.jpg", SendGridForm.Jpeg))];

    private async Task<CaseClient> OpenCaseAsync()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment");
        return client;
    }

    /// <summary>Everything the public can see of the case: the status JSON and the status page.</summary>
    private async Task<string> PublicViewAsync(CaseClient client) =>
        JsonSerializer.Serialize((await client.StatusAsync()).Timeline) + await fixture.Http.GetStringAsync(new Uri(client.StatusUrl).PathAndQuery);

    private static List<JsonElement> Entries(JsonElement detail, string action) =>
        [.. detail.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("action").GetString() == action)];

    [Fact]
    public async Task StrangerQuotingTrackingNumber_HeldForStaffOnly_NoEvidence_CustomerKeepsTheWholeLimit()
    {
        var client = await OpenCaseAsync();
        (string, byte[])[] attachments = [.. FivePhotos, ("stranger-invoice.exe", Exe)];

        var held = await OkAsync(await PostAsync(fixture, SendGridForm.Verdicts(
            "客服中心 <service@evil.example>", $"Re: {client.TrackingNumber}", "退款请点击 https://evil.example/refund", Unique("s") + "@evil.example", "pass", "{@evil.example : pass}", "service@evil.example", attachments)));
        var customer = await OkAsync(await PostAsync(fixture, SendGridForm.Parsed(
            $"王芳 <{CaseClient.CustomerEmail}>", $"Re: {client.TrackingNumber}", "补充五张照片。", Unique("c") + "@mail.example.cn", "", FivePhotos)));

        Assert.Equal(("held", "threaded"), (held.GetProperty("outcome").GetString(), customer.GetProperty("outcome").GetString()));
        var view = await PublicViewAsync(client);
        Assert.DoesNotContain("evil.example", view, StringComparison.Ordinal);
        Assert.DoesNotContain("stranger-invoice", view, StringComparison.Ordinal);
        Assert.Equal("补充五张照片。", Assert.Single((await client.StatusAsync()).Timeline, e => e.Action == "customer-message").Detail);
        var detail = await client.StaffDetailAsync("zhang.wei");
        var entry = Assert.Single(Entries(detail, "email-held-for-review"));
        Assert.False(entry.GetProperty("isPublic").GetBoolean());
        Assert.Contains("https://evil.example/refund", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("stranger-invoice.exe", entry.GetProperty("parameters").GetProperty("notKept").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, detail.GetProperty("evidence").GetArrayLength());
        var ownerMail = (await fixture.MailsAsync()).Single(m => m.NotificationId == $"{client.TrackingNumber}-in-" + HeldEntryKey(entry));
        Assert.StartsWith("待审核来信", ownerMail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"https://evil.example", ownerMail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpoofedCustomerFromFailingSpfAndDkim_Held_NotTheCustomersMessage()
    {
        var client = await OpenCaseAsync();

        var result = await OkAsync(await PostAsync(fixture, SendGridForm.Verdicts(
            $"王芳 <{CaseClient.CustomerEmail}>", $"Re: {client.TrackingNumber}", "我撤回投诉。", Unique("spoof") + "@mail.example.cn", "fail", "{@example.cn : fail}", "bounce@evil.example")));

        Assert.Equal("held", result.GetProperty("outcome").GetString());
        Assert.DoesNotContain((await client.StatusAsync()).Timeline, e => e.Action == "customer-message");
        Assert.DoesNotContain("我撤回投诉", await PublicViewAsync(client), StringComparison.Ordinal);
        Assert.Contains("SPF: fail", Assert.Single(Entries(await client.StaffDetailAsync("zhang.wei"), "email-held-for-review")).GetProperty("parameters").GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAddressReply_StaffNote_NotOnTheStatusPage()
    {
        var client = await OpenCaseAsync();

        var result = await OkAsync(await PostAsync(fixture, SendGridForm.Parsed("李娜 <li.na@example.cn>", $"Re: {client.TrackingNumber}", "已电话联系客户，明天上门。", Unique("staff") + "@example.cn")));

        Assert.Equal("threaded", result.GetProperty("outcome").GetString());
        var note = Assert.Single(Entries(await client.StaffDetailAsync("zhang.wei"), "staff-email-note"));
        Assert.Equal(("li.na", false), (note.GetProperty("actor").GetString(), note.GetProperty("isPublic").GetBoolean()));
        Assert.DoesNotContain("已电话联系客户", await PublicViewAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrangerSendsThePredictedMessageIdFirst_CustomersMailStillThreads()
    {
        var client = await OpenCaseAsync();
        var messageId = Unique("predicted") + "@mail.example.cn";
        var reply = new MimeMessage { Subject = $"Re: {client.TrackingNumber}", MessageId = messageId };
        reply.From.Add(new MailboxAddress("王芳", CaseClient.CustomerEmail));
        reply.To.Add(MailboxAddress.Parse(SendGridForm.Inbox));
        reply.Body = new TextPart("plain") { Text = "这是我本人的补充。" };

        var stranger = await OkAsync(await PostAsync(fixture, SendGridForm.Verdicts("x@evil.example", $"Re: {client.TrackingNumber}", "抢先", messageId, "pass", "{@evil.example : pass}", "x@evil.example")));
        var customer = await OkAsync(await PostAsync(fixture, SendGridForm.Raw(reply)));
        var retried = await OkAsync(await PostAsync(fixture, SendGridForm.Raw(reply)));

        Assert.Equal(("held", "threaded", "duplicate"), (stranger.GetProperty("outcome").GetString(), customer.GetProperty("outcome").GetString(), retried.GetProperty("outcome").GetString()));
        Assert.Equal("这是我本人的补充。", Assert.Single((await client.StatusAsync()).Timeline, e => e.Action == "customer-message").Detail);
    }

    [Fact]
    public async Task CustomersRefusedAttachment_ReasonPublic_NameStaffOnly()
    {
        var client = await OpenCaseAsync();

        await OkAsync(await PostAsync(fixture, SendGridForm.Parsed(
            $"王芳 <{CaseClient.CustomerEmail}>", $"Re: {client.TrackingNumber}", "附件见内。", Unique("ref") + "@mail.example.cn", "", ("free-coupon-setup.exe", Exe))));

        var view = await PublicViewAsync(client);
        Assert.False(view.Contains("free-coupon-setup", StringComparison.Ordinal), view);
        Assert.Contains("仅接受 JPEG、PNG、GIF、WebP、PDF 和纯文本文件", view, StringComparison.Ordinal);
        Assert.Equal("file-type", Assert.Single((await client.StatusAsync()).Timeline, e => e.Action == "attachments-refused").Parameters?["reasons"]);
        var staff = Assert.Single(Entries(await client.StaffDetailAsync("zhang.wei"), "evidence-refused")).GetProperty("parameters");
        Assert.Equal(("free-coupon-setup.exe", "file-type"), (staff.GetProperty("files").GetString(), staff.GetProperty("reasons").GetString()));
    }

    // The held entry's id is "{tn}-in-{key}", the owner mail's notification id the same.
    private static string HeldEntryKey(JsonElement entry) => entry.GetProperty("entryId").GetString()!.Split("-in-")[1];
}
