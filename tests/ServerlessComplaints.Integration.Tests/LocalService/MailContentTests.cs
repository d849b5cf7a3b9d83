using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Integration.Tests.LocalService;

[Collection(LocalServiceCollection.Name)]
public partial class MailContentTests(LocalServiceFixture fixture)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    [Fact]
    public async Task EnglishCase_MailsInEnglishWithHtmlPart_NoStaffNamesToTheCustomer()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(new
        {
            kind = "complaint", category = "delivery", subject = "Parcel never arrived", description = "Ordered on the 1st, still nothing.",
            customer = new { name = "Li Ming", email = "li.ming@example.com" }, language = "en",
        });

        var ack = await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement", "li.ming@example.com");
        var assignment = await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhao.min@example.cn");

        Assert.Equal($"We received your complaint: {client.TrackingNumber}", ack.Subject);
        Assert.StartsWith("Hello, we have received your complaint \u201cParcel never arrived\u201d.", ack.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=", ack.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("zhao.min", ack.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("赵敏", ack.Text, StringComparison.Ordinal);
        Assert.Equal($"New case assigned: {client.TrackingNumber}", assignment.Subject);
    }

    [Fact]
    public async Task CustomerSubjectWithPlaceholderAndUrl_LiteralInTextAndHtml_NeverALink()
    {
        const string subject = "Refund {owner} {trackingNumber} <b>now</b> https://evil.example/x";
        var client = new CaseClient(fixture);
        await client.SubmitAsync(new
        {
            kind = "complaint", category = "delivery", subject, description = "See https://evil.example/y for {due}.",
            customer = new { name = "Li Ming", email = "li.ming@example.com" }, language = "en",
        });

        var ack = await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement", "li.ming@example.com");
        var assignment = await fixture.WaitForMailAsync(client.TrackingNumber, "assignment", "zhao.min@example.cn");

        foreach (var mail in new[] { ack, assignment })
        {
            Assert.Contains(subject, mail.Text, StringComparison.Ordinal);
            Assert.Contains("Refund {owner} {trackingNumber} &lt;b&gt;now&lt;/b&gt; https://evil.example/x", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<a href=\"https://evil.example", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", mail.Html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"http://", mail.Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Zhao", ack.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("赵敏", ack.Text + ack.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalMail_CarriesTimeLimitedEvidenceLinks_ServedAsDownloads()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
            { new StringContent("屏幕碎裂"), "subject" }, { new StringContent("收到时屏幕已碎"), "description" },
            { new StringContent("王芳"), "customer.name" }, { new StringContent(CaseClient.CustomerEmail), "customer.email" },
        };
        form.Add(new ByteArrayContent(Png), "evidence", "screen.png");
        var accepted = await (await fixture.Http.PostAsync("/api/complaints", form)).Content.ReadFromJsonAsync<JsonElement>();
        var client = new CaseClient(fixture);
        var tn = accepted.GetProperty("trackingNumber").GetString()!;
        client.TrackingNumber = tn;
        await fixture.WaitForMailAsync(tn, "assignment");
        await client.ActAcceptedAsync("zhang.wei", "findings", new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "refund", amount = 800, description = "退款" } });

        var approval = await fixture.WaitForMailAsync(tn, "approvalrequest", "wang.lei@example.cn");
        var link = EvidenceUrl().Match(approval.Text).Value;
        var download = await fixture.Http.GetAsync(new Uri(link).PathAndQuery);
        var tampered = await fixture.Http.GetAsync(new Uri(link).PathAndQuery[..^4] + "AAAA");

        Assert.Contains("screen.png: ", approval.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
    }

    [GeneratedRegex(@"http://[^\s""<>]+/evidence/[A-Za-z0-9._\-]+")]
    private static partial Regex EvidenceUrl();
}
