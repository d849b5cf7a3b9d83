using Microsoft.Playwright;

namespace ServerlessComplaints.Browser.Tests.Pages;

/// <summary>
/// The lookup page (GET /lookup): a customer who lost the status mail asks for the link again with the tracking number
/// and the email address. Found by heading, label and button name, in the customer's language; the answer is the
/// same page whether or not a case matched.
/// </summary>
public sealed class StatusLookupPage(IPage page, LookupWords words)
{
    public IPage Page => page;

    public LookupWords Words => words;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator TrackingNumber => page.GetByLabel(words.TrackingNumber, new() { Exact = true });

    public ILocator Email => page.GetByLabel(words.Email, new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = words.Submit });

    /// <summary>The message of the field errors and of a spent budget (role alert).</summary>
    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    /// <summary>Opens /lookup with no ?lang=: the page takes the browser's language.</summary>
    public static async Task<StatusLookupPage> OpenAsync(IPage page, CustomerLanguage language)
    {
        var response = await page.GotoAsync("/lookup");
        if (response is not { Ok: true })
        {
            throw new InvalidOperationException($"GET /lookup: {response?.Status}");
        }

        return new StatusLookupPage(page, LookupWords.Of(language));
    }

    public async Task AskForTheLinkAsync(string trackingNumber, string email)
    {
        await TrackingNumber.FillAsync(trackingNumber);
        await Email.FillAsync(email);
        await Submit.ClickAsync();
    }
}

/// <summary>The lookup page's words a person looks for (Resources/PageResources*.resx).</summary>
public sealed record LookupWords(string Heading, string TrackingNumber, string Email, string Submit, string SentHeading, string Sent, string EmailInvalid, string TrackingNumberRequired)
{
    public static readonly LookupWords Chinese = new(
        "找不到进度查询链接？", "受理编号", "电子邮箱", "发送链接到邮箱", "请查收邮件",
        "如果受理编号和电子邮箱与某个案件相符，我们已将进度查询链接发送到该邮箱。", "请填写有效的电子邮箱", "请填写受理编号。");

    public static readonly LookupWords English = new(
        "Lost your status link?", "Tracking number", "Email address", "Email me the link", "Check your email",
        "If the tracking number and address match a case, we have emailed the status link to that address.", "Please enter a valid email address", "Please enter the tracking number.");

    public static LookupWords Of(CustomerLanguage language) => language.Code == "en" ? English : Chinese;
}
