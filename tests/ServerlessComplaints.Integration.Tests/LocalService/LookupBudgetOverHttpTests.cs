using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>The local service with small budgets: the form's 3 posts a minute, 3 lookups an hour per client, 2 lookup mails an hour per case.</summary>
public sealed class LookupBudgetFixture : LocalServiceFixture
{
    public const int FormPerMinute = 3;
    public const int LookupsPerHour = 3;
    public const int MailsPerCasePerHour = 2;

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--RateLimits:PublicPerMinute", FormPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--RateLimits:LookupPerHour", LookupsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--RateLimits:LookupMailsPerCasePerHour", MailsPerCasePerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}

[CollectionDefinition(Name)]
public sealed class LookupBudgetCollection : ICollectionFixture<LookupBudgetFixture>
{
    public const string Name = "LookupBudget";
}

/// <summary>
/// The lookup's budgets over HTTP: its own per client, apart from the form's (spending one never blocks the other),
/// and one per case, so a case's customer cannot be mail-bombed through the lookup.
/// </summary>
[Collection(LookupBudgetCollection.Name)]
public sealed class LookupBudgetOverHttpTests(LookupBudgetFixture fixture)
{
    [Fact]
    public async Task LookupBudgetSpent_429PageWithRetryAfter_TheFormStillTakesPosts_AndTheFormsBudgetSpent_LookupStillAnswers()
    {
        var lookupClient = LookupForm.NewClient();
        var formClient = LookupForm.NewClient();

        var lookups = new List<HttpStatusCode>();
        for (var i = 0; i <= LookupBudgetFixture.LookupsPerHour; i++)
        {
            lookups.Add((await LookupForm.PostAsync(fixture.Http, lookupClient, "CMP-20200101-ZZZZZZ", "nobody@example.cn")).StatusCode);
        }

        var spent = await LookupForm.PostAsync(fixture.Http, lookupClient, "CMP-20200101-ZZZZZZ", "nobody@example.cn", "zh-CN");
        var formAfterLookups = await PostFormAsync(lookupClient);
        var forms = new List<HttpStatusCode>();
        for (var i = 0; i <= LookupBudgetFixture.FormPerMinute; i++)
        {
            forms.Add((await PostFormAsync(formClient)).StatusCode);
        }

        var lookupAfterForms = await LookupForm.PostAsync(fixture.Http, formClient, "CMP-20200101-ZZZZZZ", "nobody@example.cn");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], lookups);
        Assert.Equal(HttpStatusCode.TooManyRequests, spent.StatusCode);
        Assert.InRange(spent.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 3600);
        Assert.Contains("您的网络连接查询次数过多", await spent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, formAfterLookups.StatusCode);
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], forms);
        Assert.Equal(HttpStatusCode.OK, lookupAfterForms.StatusCode);
    }

    [Fact]
    public async Task OneCase_MoreMatchingLookupsThanItsBudget_OnlyTheBudgetOfMails_EveryAnswerTheSame()
    {
        var (first, firstEmail) = await FileCaseAsync();
        var (second, secondEmail) = await FileCaseAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < LookupBudgetFixture.MailsPerCasePerHour + 3; i++)
        {
            answers.Add(await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), first, firstEmail));
        }

        // The queue answers in order: once the other case's mail is in, every lookup of the first case was answered.
        var key = Guid.NewGuid().ToString("N");
        await LookupForm.PostAsync(fixture.Http, LookupForm.NewClient(), second, secondEmail, key: key);
        await LookupForm.WaitForMailAsync(fixture, second, key);

        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(LookupBudgetFixture.MailsPerCasePerHour, (await LookupForm.MailsAsync(fixture, first)).Count);
    }

    private async Task<(string TrackingNumber, string Email)> FileCaseAsync()
    {
        var email = $"budget.{Guid.NewGuid().ToString("N")[..8]}@example.cn";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(CaseClient.Submission("complaint", email: email)) };
        request.Headers.Add("X-Forwarded-For", LookupForm.NewClient());
        var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var trackingNumber = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
        await fixture.WaitForMailAsync(trackingNumber, "acknowledgement", email);
        return (trackingNumber, email);
    }

    /// <summary>A valid complaint through the form (multipart, no JavaScript), not following the redirect.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string client)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent("en"), "language" }, { new StringContent(Guid.NewGuid().ToString("N")), "idempotencyKey" },
                { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
                { new StringContent("Kettle leaks"), "subject" }, { new StringContent("It leaks from the base."), "description" },
                { new StringContent("Li Na"), "customer.name" }, { new StringContent($"form.{Guid.NewGuid().ToString("N")[..8]}@example.cn"), "customer.email" },
            },
        };
        request.Headers.Add("X-Forwarded-For", client);
        return await http.SendAsync(request);
    }
}
