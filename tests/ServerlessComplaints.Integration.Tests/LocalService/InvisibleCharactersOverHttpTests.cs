using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>Bidirectional and zero-width formatting characters refused per field on the public form, the JSON API and staff-logged cases.</summary>
[Collection(LocalServiceCollection.Name)]
public class InvisibleCharactersOverHttpTests(LocalServiceFixture fixture)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private async Task<int> CasesWithSubjectAsync(string subject)
    {
        using var staff = fixture.StaffClient("gao.feng");
        var queue = await staff.GetFromJsonAsync<JsonElement>("/api/staff/complaints?take=500");
        return queue.EnumerateArray().Count(c => c.GetProperty("subject").GetString() == subject);
    }

    private static async Task<JsonElement> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Submit_RightToLeftOverrideInNameAndZeroWidthSpaceInSubject_400WithBothFieldErrors()
    {
        var subject = "电饭煲\u200B无法加热 " + Unique();

        var response = await fixture.Http.PostAsJsonAsync("/api/complaints", new
        {
            kind = "complaint",
            category = "product-quality",
            subject,
            description = "使用两天后无法加热。",
            customer = new { name = "王\u202E芳", email = "wang.fang@example.cn" },
        });

        var errors = await FieldErrorsAsync(response);
        Assert.Contains("U+200B", errors.GetProperty("subject")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("U+202E", errors.GetProperty("customer.name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CasesWithSubjectAsync(subject));
    }

    [Fact]
    public async Task Submit_FormWithIsolateInLocationAndMarkInOrderReference_400PerField()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("complaint"), "kind" }, { new StringContent("delivery"), "category" },
            { new StringContent("快递延误 " + Unique()), "subject" }, { new StringContent("一周未到"), "description" },
            { new StringContent("王芳"), "customer.name" }, { new StringContent("wang.fang@example.cn"), "customer.email" },
            { new StringContent("浦东\u2066店\u2069"), "location" }, { new StringContent("SO-\u200F88231"), "orderReference" },
        };

        var errors = await FieldErrorsAsync(await fixture.Http.PostAsync("/api/complaints", form));

        Assert.Equal(["location", "orderReference"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StaffLoggedCase_WordJoinerInCustomerName_400()
    {
        using var staff = fixture.StaffClient("zhang.wei");

        var response = await staff.PostAsJsonAsync("/api/staff/complaints", new
        {
            channel = "phone",
            @case = new
            {
                kind = "complaint",
                category = "service-attitude",
                subject = "电话投诉 " + Unique(),
                description = "客户来电投诉店员态度。",
                customer = new { name = "李\u2060雷", phone = "+86 139 0000 0000" },
            },
        });

        Assert.True((await FieldErrorsAsync(response)).TryGetProperty("customer.name", out _));
    }

    [Fact]
    public async Task Submit_DescriptionWithZwjEmoji_202AndTheEmojiKept()
    {
        var client = new CaseClient(fixture);
        var description = "店员很热情 \U0001F469\u200D\U0001F4BB 但电饭煲坏了。";

        var response = await client.SubmitAsync(new
        {
            kind = "complaint",
            category = "product-quality",
            subject = "电饭煲坏了 " + Unique(),
            description,
            customer = new { name = "王芳", email = "wang.fang@example.cn" },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await client.WaitForStageAsync(CaseStage.Investigation);
        var detail = await client.StaffDetailAsync("gao.feng");
        Assert.Equal(description, detail.GetProperty("record").GetProperty("details").GetProperty("description").GetString());
    }
}
