using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Web.Features;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Functions.Tests.Lookup;

/// <summary>
/// The lookup without the mail link through the Functions app's triggers (the route table's handlers), on in-memory
/// stores: the same answer whether or not the pair matches, one mail to the case's address sent by the lookup queue,
/// bad input refused per field, and the lookup's budgets apart from the form's.
/// </summary>
public sealed class StatusLookupFunctionTests : IDisposable
{
    private const string TrackingNumber = "CMP-20261123-7KQ2MX";
    private const string Address = "wang.fang@example.cn";

    private readonly CapturingLoggerProvider _logs = new();
    private readonly PublicFunctions _app;

    public StatusLookupFunctionTests()
    {
        _app = new PublicFunctions(permitsPerMinute: 2, configure: services =>
        {
            services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
            services.AddSingleton(new LookupRateLimiter(perClient: 2, mailsPerCase: 3));
        });
        Services = _app.Request().HttpContext.RequestServices;
    }

    private IServiceProvider Services { get; }

    [Fact]
    public async Task SubmitLookup_MatchAndNoMatch_SameStatusAndBody_OneMailWithTheStatusLinkToTheCasesAddress_NothingPersonalLogged()
    {
        await AddCaseAsync(CaseLanguage.English);

        var match = await LookupAsync("198.51.100.1", "  " + TrackingNumber.ToLowerInvariant() + " ", " Wang.Fang@EXAMPLE.cn ", "en");
        var wrongAddress = await LookupAsync("198.51.100.2", TrackingNumber, "li.na@example.cn", "en");
        var noCase = await LookupAsync("198.51.100.3", "CMP-20261124-AAAAAA", Address, "en");
        await AnswerQueuedAsync(3);

        var mail = Assert.Single(Services.GetRequiredService<InMemoryMailbox>().Mails);
        var statusUrl = Services.GetRequiredService<StatusLinks>().PageUrl(TrackingNumber);
        var token = statusUrl[(statusUrl.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
        Assert.All([match, wrongAddress, noCase], answer => Assert.Equal(200, answer.HttpContext.Response.StatusCode));
        Assert.Equal(PublicFunctions.Body(match), PublicFunctions.Body(wrongAddress));
        Assert.Equal(PublicFunctions.Body(match), PublicFunctions.Body(noCase));
        Assert.Contains("we have emailed the status link to that address", PublicFunctions.Body(match), StringComparison.Ordinal);
        Assert.DoesNotContain(token, PublicFunctions.Body(match), StringComparison.Ordinal);
        Assert.Equal(Address, mail.To);
        Assert.Equal($"{TrackingNumber}-lookup-", mail.NotificationId[..(TrackingNumber.Length + 8)]);
        Assert.Contains(statusUrl, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(statusUrl)}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Your status link", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Contains("Status-link lookup answered: Mailed", StringComparison.Ordinal));
        Assert.Equal(2, _logs.Lines.Count(l => l.Contains("Status-link lookup answered: NoMatch", StringComparison.Ordinal)));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("@example.", StringComparison.OrdinalIgnoreCase) || l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitLookup_ChineseCase_MailInTheCasesLanguageWhateverThePagesLanguage()
    {
        await AddCaseAsync(CaseLanguage.Chinese);

        await LookupAsync("198.51.100.1", TrackingNumber, Address, "en");
        await AnswerQueuedAsync(1);

        var mail = Assert.Single(Services.GetRequiredService<InMemoryMailbox>().Mails);
        Assert.StartsWith("您的进度查询链接", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitLookup_ManyMatchesForOneCase_ThePerCaseBudgetOfMails_ASentFormResentMailsNoMore()
    {
        await AddCaseAsync(CaseLanguage.English);
        var key = Guid.NewGuid().ToString("N");

        await LookupAsync("198.51.100.1", TrackingNumber, Address, "en", key);
        await LookupAsync("198.51.100.1", TrackingNumber, Address, "en", key);
        for (var client = 2; client <= 6; client++)
        {
            await LookupAsync($"198.51.100.{client}", TrackingNumber, Address, "en");
        }

        await AnswerQueuedAsync(7);

        Assert.Equal(3, Services.GetRequiredService<InMemoryMailbox>().Mails.Count);
        Assert.Contains(_logs.Lines, l => l.Contains("answered: AlreadyMailed", StringComparison.Ordinal));
        Assert.Equal(3, _logs.Lines.Count(l => l.Contains("answered: CaseBudgetSpent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SubmitLookup_ItsBudgetSpent_429PageWithRetryAfter_TheFormStillTakesPosts_AndTheOtherWayRound()
    {
        var lookups = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            lookups.Add((await LookupAsync("203.0.113.7", TrackingNumber, Address, "en")).HttpContext.Response.StatusCode);
        }

        var spentLookup = await LookupAsync("203.0.113.7", TrackingNumber, Address, "en");
        var formAfterLookups = await SubmitFormAsync("203.0.113.7");
        var forms = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            forms.Add((await SubmitFormAsync("203.0.113.8")).HttpContext.Response.StatusCode);
        }

        var lookupAfterForms = await LookupAsync("203.0.113.8", TrackingNumber, Address, "en");

        Assert.Equal([200, 200, 429], lookups);
        Assert.Equal(429, spentLookup.HttpContext.Response.StatusCode);
        Assert.InRange(int.Parse(spentLookup.HttpContext.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Contains("too many lookups from your connection", PublicFunctions.Body(spentLookup), StringComparison.Ordinal);
        Assert.NotEqual(429, formAfterLookups.HttpContext.Response.StatusCode);
        Assert.Equal(429, forms[2]);
        Assert.Equal(200, lookupAfterForms.HttpContext.Response.StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "", "", "请填写受理编号。", "请填写电子邮箱。")]
    [InlineData("en", "CMP-2026-1", "wang.fang@", "A tracking number looks like", "Please enter a valid email address")]
    [InlineData("en", "CMP-20261123-7KQ2MX", "", null, "Please enter your email address.")]
    public async Task SubmitLookup_BadInput_400FormWithEachErrorByItsFieldInThePagesLanguage_WhatWasTypedKept(string language, string trackingNumber, string email, string? numberError, string emailError)
    {
        var answer = await LookupAsync("198.51.100.9", trackingNumber, email, language);

        var html = PublicFunctions.Body(answer);
        Assert.Equal(400, answer.HttpContext.Response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"data-error-for=\"email\">{WebUtility.HtmlEncode(emailError)}", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(trackingNumber)}\"", html, StringComparison.Ordinal);
        if (numberError is null)
        {
            Assert.Contains("data-error-for=\"trackingNumber\" hidden", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"data-error-for=\"trackingNumber\">{WebUtility.HtmlEncode(numberError)}", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, "en-GB,en;q=0.8", "en", "Lost your status link?")]
    [InlineData("zh", "en-GB", "zh-CN", "找不到进度查询链接？")]
    [InlineData(null, null, "zh-CN", "找不到进度查询链接？")]
    public async Task LookupPage_LanguageFromQueryOrBrowser_FormWithBothFieldsAndTheSwitch(string? lang, string? acceptLanguage, string expected, string heading)
    {
        var request = _app.Request(query: lang is null ? null : "?lang=" + lang);
        request.Path = "/lookup";
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage = acceptLanguage;
        }

        await _app.Functions.LookupPage(request, null!);

        var html = PublicFunctions.Body(request);
        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<form id=\"lookup-form\" method=\"post\" action=\"/lookup\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"trackingNumber\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"email\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"lang-switch\" href=\"/lookup?lang={(expected == "en" ? "zh-CN" : "en")}\"", html, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private async Task AddCaseAsync(string language)
    {
        var details = new ComplaintDetails(TrackingNumber, ComplaintKind.Complaint, Category.ProductQuality, Channel.Web, "电饭煲无法加热", "使用两天后无法加热。",
            new Customer("王芳", Address, null), language, new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc));
        Assert.True(await Services.GetRequiredService<IComplaintStore>().TryAddAsync(new ComplaintRecord(details), default));
    }

    /// <summary>Runs the lookup queue (the hosted service a host would start) until it has answered <paramref name="count"/> lookups.</summary>
    private async Task AnswerQueuedAsync(int count)
    {
        var queue = Services.GetRequiredService<LookupMailQueue>();
        await queue.StartAsync(default);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_logs.Lines.Count(l => l.Contains("Status-link lookup answered", StringComparison.Ordinal)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The queue answered too few lookups:\n" + string.Join("\n", _logs.Lines));
            await Task.Delay(20);
        }

        await queue.StopAsync(default);
    }

    private async Task<HttpRequest> LookupAsync(string client, string trackingNumber, string email, string language, string? key = null)
    {
        var request = await FormPostAsync(client, ("language", language), ("lookupKey", key ?? Guid.NewGuid().ToString("N")), ("trackingNumber", trackingNumber), ("email", email));
        await _app.Functions.SubmitLookup(request, null!);
        return request;
    }

    private async Task<HttpRequest> SubmitFormAsync(string client)
    {
        var request = await FormPostAsync(client, ("language", "en"), ("subject", ""));
        await _app.Functions.SubmitForm(request, null!);
        return request;
    }

    private async Task<HttpRequest> FormPostAsync(string client, params (string Name, string Value)[] fields)
    {
        var request = _app.Request("POST", forwardedFor: client);
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        request.ContentType = "application/x-www-form-urlencoded";
        request.Body = new MemoryStream(await content.ReadAsByteArrayAsync());
        return request;
    }
}
