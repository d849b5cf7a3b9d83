using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// Lookup without the mail link, over HTTP in the local service as a browser without JavaScript uses it: a matching
/// tracking number and address bring one mail with the status link to that address; anything else brings the same
/// page and no mail; bad input comes back per field. Mails are read from the dev mail sink.
/// </summary>
[Collection(LocalServiceCollection.Name)]
public sealed class StatusLookupOverHttpTests(LocalServiceFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Lookup_MatchingPair_OneMailWithTheStatusLinkToThatAddress_TheLinkNeverOnThePage()
    {
        var (client, email) = await FileCaseAsync();
        var key = Guid.NewGuid().ToString("N");

        var answer = await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), client.TrackingNumber.ToLowerInvariant(), "  " + email.ToUpperInvariant(), "zh-CN", key);
        var resent = await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), client.TrackingNumber, email, "zh-CN", key);
        var mail = await fixture.WaitForMailAsync(client.TrackingNumber, "statuslink", email);
        await SentinelAsync(client.TrackingNumber, email);

        var html = await answer.Content.ReadAsStringAsync();
        var statusPage = await fixture.Http.GetAsync(new Uri(client.StatusUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("我们已将进度查询链接发送到该邮箱", html, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Token, html, StringComparison.Ordinal);
        Assert.DoesNotContain(client.TrackingNumber, html, StringComparison.Ordinal);
        Assert.Equal(email, mail.To);
        Assert.Contains(client.StatusUrl, mail.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{client.StatusUrl}\"", mail.Html, StringComparison.Ordinal);
        Assert.StartsWith("您的进度查询链接", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(1, mail.Deliveries);
        Assert.Equal(2, (await LookupForm.MailsAsync(fixture, client.TrackingNumber)).Count); // the resent form's key mailed once, then the sentinel
        Assert.Equal(HttpStatusCode.OK, statusPage.StatusCode);
    }

    [Fact]
    public async Task Lookup_NoMatch_TheSameStatusAndPageAsAMatch_NoMail()
    {
        var (client, email) = await FileCaseAsync();

        var match = await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), client.TrackingNumber, email);
        var wrongAddress = await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), client.TrackingNumber, "someone.else@example.cn");
        var noCase = await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), "CMP-20200101-ZZZZZZ", email);
        await SentinelAsync(client.TrackingNumber, email);

        var expected = await match.Content.ReadAsStringAsync();
        Assert.All([match, wrongAddress, noCase], answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(expected, await wrongAddress.Content.ReadAsStringAsync());
        Assert.Equal(expected, await noCase.Content.ReadAsStringAsync());
        Assert.Contains("If the tracking number and address match a case, we have emailed the status link to that address.", expected, StringComparison.Ordinal);
        Assert.DoesNotContain(await fixture.MailsAsync(), m => m.To == "someone.else@example.cn");
        Assert.Equal(2, (await LookupForm.MailsAsync(fixture, client.TrackingNumber)).Count); // the match and the sentinel only
    }

    [Fact]
    public async Task Lookup_MatchAndNoMatch_AnswerInAboutTheSameTime()
    {
        // Three cases, three lookups each: every match is within its case's mail budget, so every one is mailed.
        var cases = await Task.WhenAll(FileCaseAsync(), FileCaseAsync(), FileCaseAsync());
        var matches = new List<double>();
        var misses = new List<double>();
        await TimeAsync(cases[0].Client.TrackingNumber, "warm.up@example.cn");

        for (var i = 0; i < 9; i++)
        {
            var (client, email) = cases[i % 3];
            misses.Add(await TimeAsync(client.TrackingNumber, "nobody." + i + "@example.cn"));
            matches.Add(await TimeAsync(client.TrackingNumber, email));
        }

        var (match, miss) = (Median(matches), Median(misses));
        output.WriteLine($"median answer: match {match:F1} ms, no match {miss:F1} ms; match [{Join(matches)}], no match [{Join(misses)}]");
        // The answer never waits for the store or the mail; a match that did would add the case read, the mail's
        // rendering, the outbox rows and the send.
        Assert.True(Math.Abs(match - miss) < 15, $"match {match:F1} ms vs no match {miss:F1} ms");
    }

    [Theory]
    [InlineData("zh-CN", "", "", "请填写受理编号。", "请填写电子邮箱。")]
    [InlineData("en", "CMP-123", "wang.fang@", "A tracking number looks like CMP-20261123-7KQ2MX", "Please enter a valid email address")]
    public async Task Lookup_BadInput_400FormWithTheErrorsByTheirFieldsInThePagesLanguage_WhatWasTypedKept(string language, string trackingNumber, string email, string numberError, string emailError)
    {
        var answer = await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), trackingNumber, email, language);

        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"data-error-for=\"trackingNumber\">{numberError}", html, StringComparison.Ordinal);
        Assert.Contains($"data-error-for=\"email\">{emailError}", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"tracking-number\"[^>]*aria-invalid=\"true\"[^>]*autofocus", html);
        Assert.Contains($"value=\"{trackingNumber}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupPage_EnglishBrowser_TheFormInEnglishWithTheSwitchToChinese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lookup");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");

        var html = await (await fixture.Http.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"tracking-number\">Tracking number</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Email address</label>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/lookup?lang=zh-CN\"", html, StringComparison.Ordinal);
    }

    /// <summary>A case filed over the API by a customer of its own, its record saved (the acknowledgement went out).</summary>
    private async Task<(CaseClient Client, string Email)> FileCaseAsync()
    {
        var email = $"lookup.{Guid.NewGuid().ToString("N")[..8]}@example.cn";
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint", email: email));
        await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement", email);
        return (client, email);
    }

    /// <summary>
    /// One more matching lookup, waited for: the queue answers lookups one at a time in order, so once its mail is in,
    /// every lookup posted before it has been answered too.
    /// </summary>
    private async Task SentinelAsync(string trackingNumber, string email)
    {
        var key = Guid.NewGuid().ToString("N");
        await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), trackingNumber, email, key: key);
        await LookupForm.WaitForMailAsync(fixture, trackingNumber, key);
    }

    private async Task<double> TimeAsync(string trackingNumber, string email)
    {
        var clock = Stopwatch.StartNew();
        using var answer = await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), trackingNumber, email);
        await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
