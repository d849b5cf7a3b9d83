using System.Net;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

/// <summary>
/// Files the service refuses, as a customer meets them: each refusal beside the file input, in the page's language,
/// naming the file, nothing typed lost. With JavaScript (the form's script) and without (a plain multipart post).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FileErrorsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    // A photo in a format the service does not take (HEIC from a phone): the bytes are no JPEG, PNG, GIF, WebP, PDF or text.
    private static readonly FilePayload Heic = new() { Name = "收据 receipt.heic", MimeType = "image/heic", Buffer = [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63] };

    private static readonly FilePayload Photo = new() { Name = "photo.png", MimeType = "image/png", Buffer = Png };

    [Theory]
    [InlineData("zh-CN", "文件“收据 receipt.heic”的类型不受支持", "文件“空白.png”是空文件")]
    [InlineData("en", "“收据 receipt.heic” is not a type we accept", "“空白.png” is empty")]
    public async Task FormPost_WithoutScriptAndRefusedFiles_EachFilesErrorBesideTheInputInThePagesLanguage(string code, string wrongType, string empty)
    {
        var language = CustomerLanguage.Of(code);
        using var form = Form(language);
        form.Add(new ByteArrayContent(Heic.Buffer), "evidence", Heic.Name);
        form.Add(new ByteArrayContent(Png), "evidence", "ok.png");
        form.Add(new ByteArrayContent([]), "evidence", "空白.png");

        var response = await Fixture.Http.PostAsync("/", form);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<html lang=\"{code}\">", html, StringComparison.Ordinal);
        Assert.Matches($"<p id=\"evidence-error\" class=\"error field-error lines\" data-error-for=\"evidence\"><span>{wrongType}[^<]*</span><span>{empty}[^<]*</span></p>", html);
        Assert.Matches("<input id=\"evidence\"[^>]*aria-invalid=\"true\"[^>]*autofocus", html);
        Assert.Contains($"value=\"{language.Input.Subject}\"", html, StringComparison.Ordinal);
        Assert.Contains($"{language.Input.Description}</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("file type not allowed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("file is empty", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "phone", "文件“收据 receipt.heic”的类型不受支持")]
    [InlineData("en", "phone", "“收据 receipt.heic” is not a type we accept")]
    [InlineData("en", "desktop", "“收据 receipt.heic” is not a type we accept")]
    public async Task Submit_WithAFileOfAnotherType_TheErrorNamesItBesideTheInputAndNothingIsCleared(string code, string screenName, string wrongType)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var page = await OpenBrowserAsync(language, screen);
        var form = await ComplaintFormPage.OpenAsync(page, language);
        await form.FillComplaintAsync(language.Input.NewEmail(), Photo);
        await form.Evidence.SetInputFilesAsync([Photo, Heic]);

        await form.Submit.ClickAsync();

        var error = page.Locator("#evidence-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync(wrongType);
        await Assertions.Expect(form.Evidence).ToBeFocusedAsync();
        await Assertions.Expect(form.Subject).ToHaveValueAsync(language.Input.Subject);
        Assert.Equal(2, await form.Evidence.EvaluateAsync<int>("input => input.files.length"));
        await Assertions.Expect(form.Submit).ToBeEnabledAsync();
        await Layout.AssertNoSidewaysScrollAsync(page);
        await ScreenshotAndScanAsync(page, $"form-file-error-{code}-{screenName}");
    }

    [Theory]
    [InlineData("zh-CN", "文件“big.jpg”超过 10 MB")]
    [InlineData("en", "“big.jpg” is larger than 10 MB")]
    public async Task Submit_WithAFileOverTheSizeLimit_RefusedBeforeUploadingInThePagesLanguage(string code, string tooLarge)
    {
        var language = CustomerLanguage.Of(code);
        var page = await OpenBrowserAsync(language, Screen.Phone);
        var form = await ComplaintFormPage.OpenAsync(page, language);
        await form.FillComplaintAsync(language.Input.NewEmail(), Photo);
        // A file on disk, kept until the test ends: the browser reads it itself (a 10 MB buffer would cross the
        // DevTools protocol as base64), and a file deleted under it reads as empty.
        var folder = Directory.CreateTempSubdirectory("sc-big-");
        try
        {
            var big = Path.Combine(folder.FullName, "big.jpg");
            await File.WriteAllBytesAsync(big, new byte[(10 * 1024 * 1024) + 1]);
            await form.Evidence.SetInputFilesAsync(big);
            var posts = 0;
            page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

            await form.Submit.ClickAsync();

            await Assertions.Expect(page.Locator("#evidence-error")).ToContainTextAsync(tooLarge);
            await Assertions.Expect(form.Description).ToHaveValueAsync(language.Input.Description);
            Assert.Equal(0, posts);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("zh-CN", "文件“收据 receipt.heic”的类型不受支持")]
    [InlineData("en", "“收据 receipt.heic” is not a type we accept")]
    public async Task Submit_WithoutJavaScript_TheServersPageShowsTheErrorNamingTheFileAndAsksForTheFilesAgain(string code, string wrongType)
    {
        var language = CustomerLanguage.Of(code);
        await using var context = await Fixture.Browser.NewContextAsync(new()
        {
            BaseURL = Fixture.BaseUrl, Locale = language.Locale, ViewportSize = new() { Width = Screen.Phone.Width, Height = Screen.Phone.Height },
            IsMobile = true, HasTouch = true, JavaScriptEnabled = false, BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        var form = await ComplaintFormPage.OpenAsync(page, language);
        await form.FillComplaintAsync(language.Input.NewEmail(), Heic);

        await form.Submit.ClickAsync();

        await Assertions.Expect(page.Locator("#evidence-error")).ToContainTextAsync(wrongType);
        await Assertions.Expect(form.Subject).ToHaveValueAsync(language.Input.Subject);
        await Assertions.Expect(page.Locator("#evidence-hint")).ToContainTextAsync(code == "en" ? "Please choose your files again." : "请重新选择要上传的文件。");
        await Screenshots.SaveAsync(page, $"form-file-error-no-script-{code}-phone");
    }

    private static MultipartFormDataContent Form(CustomerLanguage language) => new()
    {
        { new StringContent(language.Code), "language" }, { new StringContent(Guid.NewGuid().ToString("N")), "idempotencyKey" },
        { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
        { new StringContent(language.Input.Subject), "subject" }, { new StringContent(language.Input.Description), "description" },
        { new StringContent(language.Input.Name), "customer.name" }, { new StringContent(language.Input.NewEmail()), "customer.email" },
    };
}
