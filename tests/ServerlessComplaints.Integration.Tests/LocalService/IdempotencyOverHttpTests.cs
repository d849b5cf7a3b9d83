using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary><c>Idempotency-Key</c> on <c>POST /api/complaints</c> over real HTTP, with the table-backed key store on Azurite.</summary>
[Collection(LocalServiceCollection.Name)]
public class IdempotencyOverHttpTests(LocalServiceFixture fixture)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static object Submission(string subject, string email, string description = "收到时屏幕已碎") => new
    {
        kind = "complaint",
        category = "product-quality",
        subject,
        description,
        customer = new { name = "王芳", email },
        language = "zh-CN",
    };

    private Task<HttpResponseMessage> PostAsync(HttpContent content, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return fixture.Http.SendAsync(request);
    }

    private async Task<int> CasesWithSubjectAsync(string subject)
    {
        using var staff = fixture.StaffClient("gao.feng");
        var queue = await staff.GetFromJsonAsync<JsonElement>("/api/staff/complaints?take=500");
        return queue.EnumerateArray().Count(c => c.GetProperty("subject").GetString() == subject);
    }

    private static async Task<string> TrackingNumberAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
    }

    [Fact]
    public async Task Submit_EightConcurrentPostsOneKey_OneCaseAndOneAcknowledgement()
    {
        var (key, subject, email) = (Guid.NewGuid().ToString(), "并发提交 " + Unique(), $"idem-{Unique()}@example.cn");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(JsonContent.Create(Submission(subject, email)), key)));

        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToList();
        Assert.NotEmpty(accepted);
        Assert.All(responses.Except(accepted), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.NotNull(r.Headers.RetryAfter);
        });
        var trackingNumbers = await Task.WhenAll(accepted.Select(TrackingNumberAsync));
        var trackingNumber = Assert.Single(trackingNumbers.Distinct());
        await fixture.WaitForMailAsync(trackingNumber, "acknowledgement", email);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await CasesWithSubjectAsync(subject));
        Assert.Single(await fixture.MailsAsync(), m => m.To == email && m.NotificationId?.EndsWith("-acknowledgement", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Submit_KeyReusedWithDifferentBody_422WithoutTheFirstStatusLink()
    {
        var (key, subject, email) = (Guid.NewGuid().ToString(), "首次提交 " + Unique(), $"idem-{Unique()}@example.cn");
        var first = await TrackingNumberAsync(await PostAsync(JsonContent.Create(Submission(subject, email)), key));

        var reused = await PostAsync(JsonContent.Create(Submission(subject, $"stranger-{Unique()}@example.cn", "别人的投诉")), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Null(reused.Headers.Location);
        var body = await reused.Content.ReadAsStringAsync();
        Assert.DoesNotContain(first, body, StringComparison.Ordinal);
        Assert.DoesNotContain("/status/", body, StringComparison.Ordinal);
        await fixture.WaitForMailAsync(first, "acknowledgement", email);
        Assert.Equal(1, await CasesWithSubjectAsync(subject));
    }

    [Fact]
    public async Task Submit_SameCaseAsJsonThenAsForm_SameAnswer()
    {
        var (key, subject, email) = (Guid.NewGuid().ToString(), "表单与JSON " + Unique(), $"idem-{Unique()}@example.cn");
        var form = new MultipartFormDataContent
        {
            { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
            { new StringContent($"  {subject} "), "subject" }, { new StringContent("收到时屏幕已碎"), "description" },
            { new StringContent("王芳"), "customer.name" }, { new StringContent(email), "customer.email" }, { new StringContent("zh-CN"), "language" },
        };

        var asJson = await TrackingNumberAsync(await PostAsync(JsonContent.Create(Submission(subject, email)), key));
        var asForm = await TrackingNumberAsync(await PostAsync(form, key));

        Assert.Equal(asJson, asForm);
    }

    [Fact]
    public async Task InboundEmail_PublicPostClaimedItsOldStyleKeyFirst_MailStillOpensItsOwnCase()
    {
        var messageId = $"{Unique()}@mail.example.cn";
        var oldStyleKey = "inbound-email:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));
        var squatter = await TrackingNumberAsync(await PostAsync(JsonContent.Create(Submission("抢注 " + Unique(), $"squat-{Unique()}@example.cn")), oldStyleKey));
        var customer = $"chen-{Unique()}@example.cn";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound-email")
        {
            Content = SendGridForm.Parsed($"陈静 <{customer}>", "电饭煲无法加热 " + Unique(), "使用两天后无法加热。", messageId),
        };
        request.Headers.Authorization = SendGridForm.Basic(LocalServiceFixture.InboundSecret);
        var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("opened", result.GetProperty("outcome").GetString());
        Assert.NotEqual(squatter, result.GetProperty("trackingNumber").GetString());
        await fixture.WaitForMailAsync(result.GetProperty("trackingNumber").GetString()!, "acknowledgement", customer);
    }
}
