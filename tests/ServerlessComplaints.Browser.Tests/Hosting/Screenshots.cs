using Microsoft.Playwright;

namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>A full-page screenshot per page visited, kept as a test artefact under TestResults/screenshots.</summary>
internal static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(RepositoryFolder.Screenshots, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
