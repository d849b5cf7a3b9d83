using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// The complaint form's post with refused files through the Functions app's trigger: form.js (Accept: JSON) gets an
/// RFC 7807 problem whose errors are in the form's language and name each file; without the script the same words
/// come back beside the file input, everything typed kept. The public API keeps its English messages.
/// </summary>
public sealed class FormFileErrorsTests : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly PublicFunctions _app = new();

    [Theory]
    [InlineData("zh-CN", "文件“照片.heic”的类型不受支持", "文件“空白.png”是空文件")]
    [InlineData("en", "“照片.heic” is not a type we accept", "“空白.png” is empty")]
    public async Task SubmitForm_FromTheScript_ProblemWithEachFilesErrorInTheFormsLanguageNamingIt(string language, string wrongType, string empty)
    {
        var request = await FormPostAsync(language, "application/json", ("照片.heic", [1, 2, 3]), ("ok.png", Png), ("空白.png", []));

        await _app.Functions.SubmitForm(request, null!);

        using var problem = JsonDocument.Parse(PublicFunctions.Body(request));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(400, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", request.HttpContext.Response.ContentType, StringComparison.Ordinal);
        Assert.StartsWith(wrongType, Single(errors, "evidence[0]"), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("evidence[1]", out _));
        Assert.StartsWith(empty, Single(errors, "evidence[2]"), StringComparison.Ordinal);
        Assert.Equal(language, request.HttpContext.Response.Headers.ContentLanguage.ToString());
    }

    [Theory]
    [InlineData("zh-CN", "您选择了 6 个文件，最多可上传 5 个。")]
    [InlineData("en", "You chose 6 files; please choose at most 5.")]
    public async Task SubmitForm_WithoutScriptSixFiles_PageWithTheCountErrorBesideTheFileInputEverythingTypedKept(string language, string tooMany)
    {
        var request = await FormPostAsync(language, "text/html", [.. Enumerable.Range(1, 6).Select(i => ($"p{i}.png", Png))]);

        await _app.Functions.SubmitForm(request, null!);

        var html = PublicFunctions.Body(request);
        Assert.Equal(400, request.HttpContext.Response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"data-error-for=\"evidence\"><span>{tooMany}</span></p>", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"evidence\"[^>]*aria-invalid=\"true\"[^>]*autofocus", html);
        Assert.Contains("value=\"电饭煲无法加热\"", html, StringComparison.Ordinal);
        Assert.Contains("使用两天后无法加热</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at most 5 files may be attached", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitComplaint_TheApi_KeepsTheInspectorsEnglishMessages()
    {
        var request = await FormPostAsync(CaseLanguage.Chinese, "application/json", ("照片.heic", [1, 2, 3]));

        await _app.Functions.SubmitComplaint(request, null!);

        using var problem = JsonDocument.Parse(PublicFunctions.Body(request));
        Assert.Equal(400, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("file type not allowed", Single(problem.RootElement.GetProperty("errors"), "evidence[0]"), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private static string Single(JsonElement errors, string key) => Assert.Single(errors.GetProperty(key).EnumerateArray()).GetString()!;

    private async Task<HttpRequest> FormPostAsync(string language, string accept, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(language), "language" }, { new StringContent(Guid.NewGuid().ToString("N")), "idempotencyKey" },
            { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
            { new StringContent("电饭煲无法加热"), "subject" }, { new StringContent("使用两天后无法加热"), "description" },
            { new StringContent("王芳"), "customer.name" }, { new StringContent("wang.fang@example.cn"), "customer.email" },
        };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "evidence", name);
        }

        var request = _app.Request("POST");
        request.Headers.Accept = accept;
        request.ContentType = form.Headers.ContentType!.ToString();
        request.Body = new MemoryStream(await form.ReadAsByteArrayAsync());
        return request;
    }
}
