using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServerlessComplaints.Browser.Tests.Pages;

/// <summary>
/// The complaint form (GET /), found the way a person finds things: by heading, label and button name. Every selector
/// of the form lives here. The form is in one language (?lang=), and a successful submission goes on to the
/// confirmation page at its own URL (/submitted/{trackingNumber}).
/// </summary>
public sealed partial class ComplaintFormPage(IPage page, CustomerLanguage language)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Kind => page.GetByLabel(language.Kind);

    public ILocator Subject => page.GetByLabel(language.Subject);

    public ILocator Description => page.GetByLabel(language.Description);

    public ILocator Name => page.GetByLabel(language.Name);

    public ILocator Email => page.GetByLabel(language.Email);

    public ILocator Evidence => page.GetByLabel(language.Evidence);

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = language.Submit });

    /// <summary>The tracking number on the confirmation page.</summary>
    public ILocator ConfirmedTrackingNumber => page.Locator("#tracking-number");

    /// <summary>The form in the customer's language.</summary>
    public static string PathFor(CustomerLanguage language) => "/?lang=" + language.Code;

    public static async Task<ComplaintFormPage> OpenAsync(IPage page, CustomerLanguage language)
    {
        var response = await page.GotoAsync(PathFor(language));
        if (response is not { Ok: true })
        {
            throw new InvalidOperationException($"GET {PathFor(language)}: {response?.Status}");
        }

        return new ComplaintFormPage(page, language);
    }

    /// <summary>Fills the form as the customer would: their complaint in their language, their name and a new mailbox, and a photo.</summary>
    public async Task FillComplaintAsync(string email, FilePayload photo)
    {
        await Kind.SelectOptionAsync("complaint");
        await Subject.FillAsync(language.Input.Subject);
        await Description.FillAsync(language.Input.Description);
        await Name.FillAsync(language.Input.Name);
        await Email.FillAsync(email);
        await Evidence.SetInputFilesAsync(photo);
    }

    /// <summary>The tracking number the confirmation page (its own URL) shows after Submit.</summary>
    public async Task<string> WaitForTrackingNumberAsync()
    {
        await page.WaitForURLAsync(ConfirmationUrl(), new() { Timeout = 20_000 });
        await Assertions.Expect(ConfirmedTrackingNumber).ToContainTextAsync(TrackingNumberPattern());
        return TrackingNumberPattern().Match(await ConfirmedTrackingNumber.InnerTextAsync()).Value;
    }

    [GeneratedRegex("/submitted/CMP-[0-9]{8}-[0-9A-Z]{6}")]
    public static partial Regex ConfirmationUrl();

    [GeneratedRegex("CMP-[0-9]{8}-[0-9A-Z]{6}")]
    public static partial Regex TrackingNumberPattern();
}
