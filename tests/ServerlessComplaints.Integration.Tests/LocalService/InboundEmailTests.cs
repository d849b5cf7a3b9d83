using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;
using ServerlessComplaints.LocalHost.Mail;

namespace ServerlessComplaints.Integration.Tests.LocalService;

[Collection(LocalServiceCollection.Name)]
public class InboundEmailTests(LocalServiceFixture fixture)
{
    private const string Body = "11月20日在浦东店购买的电饭煲，使用两天后无法加热。请尽快处理。";

    private static string Unique(string prefix) => InboundWebhook.Unique(prefix);

    private Task<HttpResponseMessage> PostAsync(HttpContent form, string? secret = LocalServiceFixture.InboundSecret) => InboundWebhook.PostAsync(fixture, form, secret);

    private static Task<JsonElement> OkAsync(HttpResponseMessage response) => InboundWebhook.OkAsync(response);

    private async Task<int> CasesWithSubjectAsync(string subject)
    {
        using var staff = fixture.StaffClient("gao.feng");
        var queue = await staff.GetFromJsonAsync<JsonElement>("/api/staff/complaints?take=500");
        return queue.EnumerateArray().Count(c => c.GetProperty("subject").GetString() == subject);
    }

    private async Task<DevMail> WaitForMailAsync(Func<DevMail, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await fixture.MailsAsync()).FirstOrDefault(match) is { } mail)
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {what} after 30 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ChineseEmailWithPhoto_OpensCase_AcknowledgedAndEvidenceListed()
    {
        var customer = Unique("chen") + "@example.cn";
        var subject = "电饭煲无法加热 " + Unique("m");

        var result = await OkAsync(await PostAsync(SendGridForm.Parsed($"陈静 <{customer}>", subject, Body, Unique("new") + "@mail.example.cn", "", ("照片.jpg", SendGridForm.Jpeg))));

        Assert.Equal("opened", result.GetProperty("outcome").GetString());
        var client = new CaseClient(fixture) { TrackingNumber = result.GetProperty("trackingNumber").GetString()! };
        var ack = await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement", customer);
        Assert.Contains(subject, ack.Text, StringComparison.Ordinal);
        var detail = await client.StaffDetailAsync("gao.feng");
        var details = detail.GetProperty("record").GetProperty("details");
        Assert.Equal(Body, details.GetProperty("description").GetString());
        Assert.Equal(("陈静", "zh-CN", "email"), (details.GetProperty("customer").GetProperty("name").GetString(), details.GetProperty("language").GetString(), details.GetProperty("channel").GetString()));
        var evidence = Assert.Single(detail.GetProperty("evidence").EnumerateArray());
        Assert.Equal(("照片.jpg", "image/jpeg"), (evidence.GetProperty("fileName").GetString(), evidence.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task ReplyWithTrackingNumberInSubject_LandsOnTheTimeline_OwnerMailed()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhang.wei@example.cn");
        var reply = new MimeMessage { Subject = $"Re: 您的投诉已受理：{client.TrackingNumber}", MessageId = Unique("reply") + "@mail.example.cn" };
        reply.From.Add(new MailboxAddress("王芳", CaseClient.CustomerEmail));
        reply.To.Add(MailboxAddress.Parse(SendGridForm.Inbox));
        reply.Body = new TextPart("plain") { Text = "补充：加热盘有焦味。\n\n在 2026年11月23日 10:00，客户投诉中心 写道：\n> 您的投诉已受理" };

        var result = await OkAsync(await PostAsync(SendGridForm.Raw(reply)));

        Assert.Equal(("threaded", client.TrackingNumber), (result.GetProperty("outcome").GetString(), result.GetProperty("trackingNumber").GetString()));
        var status = await client.StatusAsync();
        var message = Assert.Single(status.Timeline, e => e.Action == "customer-message");
        Assert.Equal(("customer", "补充：加热盘有焦味。"), (message.Actor, message.Detail));
        var owner = await WaitForMailAsync(m => m.NotificationId?.StartsWith($"{client.TrackingNumber}-in-", StringComparison.Ordinal) == true, "owner mail");
        Assert.Equal("zhang.wei@example.cn", owner.To);
        Assert.Contains("补充：加热盘有焦味。", owner.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoReply_Ignored_NoCase()
    {
        var subject = "自动回复：我正在休假 " + Unique("ooo");
        var sender = Unique("away") + "@example.cn";

        var result = await OkAsync(await PostAsync(SendGridForm.Parsed(sender, subject, "我正在休假，11月30日回来。", Unique("ooo") + "@mail.example.cn", "Auto-Submitted: auto-replied\nX-Autoreply: yes\n")));

        Assert.Equal("ignored", result.GetProperty("outcome").GetString());
        Assert.False(result.TryGetProperty("trackingNumber", out _));

        // A case would have acknowledged the sender within a second; no loop, no case.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await fixture.MailsAsync(), m => m.To == sender);
        Assert.Equal(0, await CasesWithSubjectAsync(subject));
    }

    [Fact]
    public async Task SameMessageIdTwice_OneCase()
    {
        var subject = "重复投递 " + Unique("dup");
        var messageId = Unique("dup") + "@mail.example.cn";
        HttpContent Post() => SendGridForm.Parsed("王芳 <wang.fang@example.cn>", subject, Body, messageId);

        var first = await OkAsync(await PostAsync(Post()));
        var second = await OkAsync(await PostAsync(Post()));

        Assert.Equal(("opened", "duplicate"), (first.GetProperty("outcome").GetString(), second.GetProperty("outcome").GetString()));
        var tn = first.GetProperty("trackingNumber").GetString()!;
        Assert.Equal(tn, second.GetProperty("trackingNumber").GetString());

        // The record is written by the case's first activity: after the acknowledgement it is in the queue.
        await fixture.WaitForMailAsync(tn, "acknowledgement");
        Assert.Equal(1, await CasesWithSubjectAsync(subject));
    }

    [Theory]
    [InlineData("wrong-secret-0123456789abc")]
    [InlineData(null)]
    public async Task WrongOrMissingSecret_401WithBasicChallenge(string? secret)
    {
        var response = await PostAsync(SendGridForm.Parsed("王芳 <wang.fang@example.cn>", "x", Body, Unique("auth") + "@mail.example.cn"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task MalformedPosts_400()
    {
        using var missingAttachment = new MultipartFormDataContent { { new StringContent("wang.fang@example.cn"), "from" }, { new StringContent("2"), "attachments" } };
        using var badJson = new MultipartFormDataContent { { new StringContent("wang.fang@example.cn"), "from" }, { new StringContent("{oops"), "charsets" } };
        using var notMultipart = new StringContent("{\"from\":\"wang.fang@example.cn\"}", Encoding.UTF8, "application/json");
        using var truncated = new StringContent("--b\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nwang", Encoding.UTF8);
        truncated.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        foreach (var post in new HttpContent[] { missingAttachment, badJson, notMultipart, truncated })
        {
            var response = await PostAsync(post);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task AbsurdAttachmentCount_400NotServerError(string count)
    {
        var form = SendGridForm.Parsed("王芳 <wang.fang@example.cn>", "x", Body, Unique("count") + "@mail.example.cn");
        form.Add(new StringContent(count), "attachments");

        var response = await PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FilePartNumberedAbsurdlyHigh_400NotServerError()
    {
        var form = SendGridForm.Parsed("王芳 <wang.fang@example.cn>", "x", Body, Unique("count") + "@mail.example.cn");
        form.Add(new ByteArrayContent(SendGridForm.Jpeg), "attachment2147483647", "photo.jpg");

        var response = await PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizeAndDisallowedAttachments_CaseOpens_RefusedAndNoted()
    {
        byte[] oversize = [.. SendGridForm.Jpeg, .. new byte[11 * 1024 * 1024]];
        byte[] exe = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

        var result = await OkAsync(await PostAsync(SendGridForm.Parsed(
            "王芳 <wang.fang@example.cn>", "附件太大 " + Unique("big"), Body, Unique("big") + "@mail.example.cn", "", ("huge.jpg", oversize), ("setup.exe", exe), ("照片.jpg", SendGridForm.Jpeg))));

        Assert.Equal("opened", result.GetProperty("outcome").GetString());
        Assert.Equal(2, result.GetProperty("refusedAttachments").GetArrayLength());
        var client = new CaseClient(fixture) { TrackingNumber = result.GetProperty("trackingNumber").GetString()! };
        await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement");
        var detail = await client.StaffDetailAsync("gao.feng");
        Assert.Equal("照片.jpg", Assert.Single(detail.GetProperty("evidence").EnumerateArray()).GetProperty("fileName").GetString());
        var refused = detail.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "evidence-refused")
            .Select(e => e.GetProperty("parameters")).Select(p => (p.GetProperty("files").GetString(), p.GetProperty("reasons").GetString())).ToList();
        Assert.Equal(2, refused.Count);
        Assert.Contains(("huge.jpg", "file-too-large"), refused);
        Assert.Contains(("setup.exe", "file-type"), refused);
    }
}
