using Microsoft.Playwright;

namespace ServerlessComplaints.Browser.Tests.Pages;

/// <summary>
/// The page behind a signed action link in a mail (GET /actions/{token}): says what the link will do and shows its
/// form; nothing changes until Submit.
/// </summary>
public sealed class ActionLinkPage(IPage page, CustomerLanguage language)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Form => page.Locator("form");

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = language.Submit });

    public Task<string?> LanguageAsync() => page.Locator("html").GetAttributeAsync("lang");

    public static async Task<ActionLinkPage> OpenAsync(IPage page, string actionLink, CustomerLanguage language)
    {
        var response = await page.GotoAsync(actionLink);
        if (response is not { Ok: true })
        {
            throw new InvalidOperationException($"GET {actionLink}: {response?.Status}");
        }

        return new ActionLinkPage(page, language);
    }
}
