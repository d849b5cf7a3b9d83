using Microsoft.Playwright;

namespace ServerlessComplaints.Browser.Tests.Pages;

/// <summary>The customer's status page (GET /status/{trackingNumber}?t=…), opened from the acknowledgement mail's link.</summary>
public sealed class StatusPage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The page's declared language (the case's language).</summary>
    public Task<string?> LanguageAsync() => page.Locator("html").GetAttributeAsync("lang");

    public static async Task<StatusPage> OpenAsync(IPage page, string statusLink)
    {
        var response = await page.GotoAsync(statusLink);
        if (response is not { Ok: true })
        {
            throw new InvalidOperationException($"GET {statusLink}: {response?.Status}");
        }

        return new StatusPage(page);
    }
}
