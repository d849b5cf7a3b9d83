using System.Text.Json;
using Microsoft.Playwright;
using ServerlessComplaints.Browser.Tests.Hosting;
using ServerlessComplaints.Browser.Tests.Pages;
using Xunit.Abstractions;

namespace ServerlessComplaints.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SubmissionTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserPageTest(fixture, output)
{
    // A 1×1 PNG, as a phone photo would be attached (the service checks the file's signature, not just its name).
    private static readonly FilePayload Photo = new()
    {
        Name = "photo.png",
        MimeType = "image/png",
        Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
    };

    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("en", "phone")]
    public async Task Submit_WithPhoto_CreatesOneCaseHoldingThePhoto(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var page = await OpenBrowserAsync(language, screen);
        var form = await ComplaintFormPage.OpenAsync(page, language);
        var email = language.Input.NewEmail();
        await form.FillComplaintAsync(email, Photo);

        await form.Submit.ClickAsync();
        var trackingNumber = await form.WaitForTrackingNumberAsync();

        await ScreenshotAndScanAsync(page, $"submitted-{code}-{screenName}");
        var acknowledgement = await Fixture.WaitForMailAsync(trackingNumber, "acknowledgement");
        Assert.Equal(email, acknowledgement.To);
        Assert.Single(await Fixture.MailsAsync(), m => m.To == email && m.NotificationId!.EndsWith("-acknowledgement", StringComparison.Ordinal));
        using var staff = Fixture.StaffClient();
        var detail = JsonDocument.Parse(await staff.GetStringAsync($"/api/staff/complaints/{trackingNumber}")).RootElement;
        var evidence = Assert.Single(detail.GetProperty("evidence").EnumerateArray());
        Assert.Equal("photo.png", evidence.GetProperty("fileName").GetString());
        Assert.Equal(Photo.Buffer.Length, evidence.GetProperty("size").GetInt64());
        Assert.Equal(code, detail.GetProperty("record").GetProperty("details").GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("zh-CN", "desktop")]
    [InlineData("en", "phone")]
    public async Task Submit_DoubleClick_CreatesOneCase(string code, string screenName)
    {
        var (language, screen) = (CustomerLanguage.Of(code), Screen.Of(screenName));
        var page = await OpenBrowserAsync(language, screen);
        var form = await ComplaintFormPage.OpenAsync(page, language);
        var email = language.Input.NewEmail();
        await form.FillComplaintAsync(email, Photo);

        await form.Submit.DblClickAsync();
        var trackingNumber = await form.WaitForTrackingNumberAsync();
        await Fixture.WaitForMailAsync(trackingNumber, "acknowledgement");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second case would have been acknowledged by now too

        await ScreenshotAndScanAsync(page, $"double-click-{code}-{screenName}");
        var acknowledgements = (await Fixture.MailsAsync()).Where(m => m.To == email && m.NotificationId!.EndsWith("-acknowledgement", StringComparison.Ordinal)).ToList();
        Assert.Single(acknowledgements);
        Assert.StartsWith(trackingNumber, acknowledgements[0].NotificationId, StringComparison.Ordinal);
    }
}
