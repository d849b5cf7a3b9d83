using Microsoft.Playwright;

namespace ServerlessComplaints.Browser.Tests.Pages;

/// <summary>What a person notices about a layout before reading it.</summary>
public static class Layout
{
    /// <summary>Nothing sticks out sideways: on a 390 px phone the page scrolls only down.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        Assert.True(sizes[0] <= sizes[1], $"{page.Url}: content is {sizes[0]} px wide in a {sizes[1]} px viewport");
    }
}
