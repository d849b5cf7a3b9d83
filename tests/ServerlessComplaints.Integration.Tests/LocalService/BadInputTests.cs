using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

[Collection(LocalServiceCollection.Name)]
public class BadInputTests(LocalServiceFixture fixture)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private async Task<int> CaseCountAsync()
    {
        using var staff = fixture.StaffClient("gao.feng");
        return (await staff.GetFromJsonAsync<JsonElement>("/api/staff/complaints?take=500")).GetArrayLength();
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
            { new StringContent("屏幕碎裂"), "subject" }, { new StringContent("收到时屏幕已碎"), "description" },
            { new StringContent("王芳"), "customer.name" }, { new StringContent("wang.fang@example.cn"), "customer.email" },
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "evidence", name);
        }

        return form;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Submit_MissingAndInvalidFields_400WithPerFieldErrorsAndNothingStored()
    {
        var before = await CaseCountAsync();

        var response = await fixture.Http.PostAsJsonAsync("/api/complaints", new { kind = "rant", subject = "a\r\nBcc: x@evil.example", customer = new { name = "x", email = "not-an-email" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "kind", "category", "subject", "description", "customer.email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Submit_MalformedJson_400Problem()
    {
        var response = await fixture.Http.PostAsync("/api/complaints", new StringContent("{\"kind\": \"complaint\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnsupportedContentType_415()
    {
        var response = await fixture.Http.PostAsync("/api/complaints", new StringContent("kind=complaint", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Submit_ExecutableDisguisedAsJpeg_400AndNothingStored()
    {
        var before = await CaseCountAsync();

        var response = await fixture.Http.PostAsync("/api/complaints", Form(("photo.jpg", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("evidence[0]", out _));
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Submit_PathInFileName_400()
    {
        var response = await fixture.Http.PostAsync("/api/complaints", Form(("../../etc/passwd.png", Png)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Submit_TooManyFiles_400()
    {
        var response = await fixture.Http.PostAsync("/api/complaints", Form([.. Enumerable.Range(0, 6).Select(i => ($"p{i}.png", Png))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("evidence", out _));
    }

    [Fact]
    public async Task Submit_MultipartWithPhoto_202AndEvidenceStoredPrivatelyWithHash()
    {
        var response = await fixture.Http.PostAsync("/api/complaints", Form(("屏幕 photo.png", Png)));
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var tn = accepted.GetProperty("trackingNumber").GetString()!;
        using var staff = fixture.StaffClient("zhang.wei");

        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{tn}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var item = Assert.Single(detail.GetProperty("evidence").EnumerateArray());
        Assert.Equal("image/png", item.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Png)), item.GetProperty("sha256").GetString(), ignoreCase: true);
        Assert.StartsWith(tn + "/", item.GetProperty("blobName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyTwice_SameTrackingNumber()
    {
        var key = Guid.NewGuid().ToString();
        async Task<string> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(CaseClient.Submission("complaint")) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await fixture.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
        }

        var first = await Post();
        var second = await Post();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Status_WrongTokenOrUnknownCase_SameNotFound()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));

        var wrongToken = await fixture.Http.GetAsync($"/api/complaints/{client.TrackingNumber}?t=AAAAAAAAAAAAAAAAAAAAAAAA");
        var unknown = await fixture.Http.GetAsync($"/api/complaints/CMP-20261123-ZZZZZZ?t={client.Token}");
        var byEmail = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{client.TrackingNumber}");
        byEmail.Headers.Add("X-Customer-Email", CaseClient.CustomerEmail.ToUpperInvariant());
        var withEmail = await fixture.Http.SendAsync(byEmail);

        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await wrongToken.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withEmail.StatusCode);
    }

    [Fact]
    public async Task StaffRoutes_NoOrWrongKey_401()
    {
        using var wrong = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key-not-a-key");

        var none = await fixture.Http.GetAsync("/api/staff/complaints");
        var bad = await wrong.GetAsync("/api/staff/complaints");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Theory]
    [InlineData("mediation")]
    [InlineData("unknown")]
    [InlineData("FollowUp")]
    public async Task StaffQueue_StageThatIsNoWireName_400NamingTheStages(string stage)
    {
        using var manager = fixture.StaffClient("li.na");

        var response = await manager.GetAsync($"/api/staff/complaints?stage={stage}");
        var followUp = await manager.GetAsync("/api/staff/complaints?stage=follow-up");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("follow-up", (await ProblemAsync(response)).GetProperty("errors").GetProperty("stage")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
    }

    [Fact]
    public async Task StaffAction_WrongStageUnknownActionBadBody_409_404_400()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        await client.WaitForStageAsync(CaseStage.Investigation);

        var wrongStage = await client.ActAsync("zhang.wei", "execute", new { reference = "X" });
        var unknown = await client.ActAsync("zhang.wei", "teleport", new { });
        var badBody = await client.ActAsync("zhang.wei", "findings", new { rootCause = "", remedy = new { type = "bribe" } });

        Assert.Equal(HttpStatusCode.Conflict, wrongStage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        var errors = (await ProblemAsync(badBody)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("remedy.type", out _));
        Assert.True(errors.TryGetProperty("rootCause", out _));
    }

    [Fact]
    public async Task Pages_FormStatusMailboxAndHealth_Render()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));

        var form = await fixture.Http.GetStringAsync("/");
        var status = await fixture.Http.GetStringAsync(new Uri(client.StatusUrl).PathAndQuery);
        var health = await fixture.Http.GetFromJsonAsync<JsonElement>("/healthz");
        await fixture.WaitForMailAsync(client.TrackingNumber, "acknowledgement");
        var mailbox = await fixture.Http.GetStringAsync("/dev/mailbox");

        Assert.Contains("<form id=\"case-form\"", form, StringComparison.Ordinal);
        Assert.Contains(client.TrackingNumber, status, StringComparison.Ordinal);
        Assert.Contains("电饭煲使用两天后无法加热", status, StringComparison.Ordinal);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Contains($"<a href=\"{client.StatusUrl}\">", mailbox, StringComparison.Ordinal);
    }
}
