using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ServerlessComplaints.LocalHost.Mail;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>The dev mailbox over HTTP: one case's mail by its tracking number, long links wrapped, the HTML part in a sandboxed frame.</summary>
[Collection(LocalServiceCollection.Name)]
public sealed partial class DevMailboxOverHttpTests(LocalServiceFixture fixture)
{
    [Fact]
    public async Task Mailbox_CaseAsTyped_OnlyThatCasesMailEachWithItsHtmlPartInASandboxedFrame()
    {
        var (mine, other) = (new CaseClient(fixture), new CaseClient(fixture));
        await mine.SubmitAsync(CaseClient.Submission("complaint"));
        await other.SubmitAsync(CaseClient.Submission("complaint"));
        await fixture.WaitForMailAsync(mine.TrackingNumber, "assignment");
        await fixture.WaitForMailAsync(other.TrackingNumber, "assignment");

        var page = await fixture.Http.GetAsync($"/dev/mailbox?case=+{mine.TrackingNumber.ToLowerInvariant()}+");
        var json = await fixture.Http.GetFromJsonAsync<List<DevMail>>($"/dev/mailbox.json?case={mine.TrackingNumber}");

        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(json);
        Assert.True(json.Count >= 2, $"{json.Count} mails");
        Assert.All(json, m => Assert.Equal(mine.TrackingNumber, m.TrackingNumber));
        Assert.DoesNotContain(other.TrackingNumber, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{mine.TrackingNumber}\"", html, StringComparison.Ordinal);
        Assert.Equal(json.Count, Regex.Count(html, "<article class=\"mail\">"));
        foreach (var mail in json)
        {
            Assert.Contains($"<iframe src=\"/dev/mailbox/{mail.Id}/html\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Mailbox_NotATrackingNumber_400NamingIt()
    {
        var page = await fixture.Http.GetAsync("/dev/mailbox?case=CMP-1%3Cb%3E");
        var json = await fixture.Http.GetAsync("/dev/mailbox.json?case=nope");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("“CMP-1&lt;b&gt;” is not a tracking number", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Mailbox_LongLinks_WrappedByAStyleSheetThePolicyAllows()
    {
        var answer = await fixture.Http.GetAsync("/dev/mailbox");

        var html = await answer.Content.ReadAsStringAsync();
        var styleSources = answer.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));
        var wrapping = InlineStyle().Matches(html).Select(m => m.Groups["css"].Value).Single(css => css.Contains(".mail { overflow-wrap: anywhere; }", StringComparison.Ordinal));
        Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(wrapping)))}'", styleSources, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", styleSources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlPart_OwnDocument_SandboxedNoScriptFramedByTheMailboxOnly()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        var mail = await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement");

        var preview = await fixture.Http.GetAsync($"/dev/mailbox/{mail.Id}/html");
        var unknown = await fixture.Http.GetAsync("/dev/mailbox/000000000000/html");
        using var foreign = new HttpRequestMessage(HttpMethod.Get, $"/dev/mailbox/{mail.Id}/html") { Headers = { Host = "evil.example" } };
        var rebound = await fixture.Http.SendAsync(foreign);

        var csp = preview.Headers.GetValues("Content-Security-Policy").Single();
        var body = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("text/html", preview.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox allow-popups allow-popups-to-escape-sandbox", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", csp, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(mail.Html, body.Replace("<base target=\"_blank\">", "", StringComparison.Ordinal));
        Assert.Contains(client.StatusUrl, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rebound.StatusCode);
    }

    [GeneratedRegex(@"<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
