using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// The complaint form's post with refused files through the Functions app's trigger: form.js (Accept: JSON) gets an
/// RFC 7807 problem whose errors are in the form's language and name each file; without the script the same words
/// come back beside the file input, everything typed kept; a body over the host's limit reads as the limit on all files
/// together. The public API keeps its English messages.
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

    // The host stops reading a body over its limit (Kestrel: 413 BadHttpRequestException); nothing of the form was read.
    [Theory]
    [InlineData("zh-CN", "text/html", "所选文件合计超过 25 MB")]
    [InlineData("en", "text/html", "Together the files are larger than 25 MB")]
    [InlineData("en", "application/json", "Together the files are larger than 25 MB")]
    public async Task SubmitForm_BodyOverTheHostsLimit_413WithTheTotalLimitBesideTheFileInput(string language, string accept, string total)
    {
        var request = await FormPostAsync(language, accept, ("video.mp4", new byte[64 * 1024]));
        request.Body = new HostLimitedStream(request.Body, limit: 16 * 1024);
        request.Headers.AcceptLanguage = language;

        await _app.Functions.SubmitForm(request, null!);

        var body = PublicFunctions.Body(request);
        Assert.Equal(413, request.HttpContext.Response.StatusCode);
        if (accept == "text/html")
        {
            Assert.Contains($"<html lang=\"{language}\">", body, StringComparison.Ordinal);
            Assert.Matches($"data-error-for=\"evidence\"><span>{total}[^<]*</span></p>", body);
        }
        else
        {
            using var problem = JsonDocument.Parse(body);
            Assert.StartsWith(total, Single(problem.RootElement.GetProperty("errors"), "evidence"), StringComparison.Ordinal);
        }
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

    // A request body as Kestrel hands it over with MaxRequestBodySize set: reading past the limit throws its 413.
    private sealed class HostLimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            _read += n;
            return _read > limit ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Request bodies are read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
