using System.Net;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Integration.Tests.LocalService;

// The staff pages' sign-in over real HTTP: key → session cookie → /staff; refusals as pages in the page's language.
[Collection(LocalServiceCollection.Name)]
public partial class StaffSignInOverHttpTests(LocalServiceFixture fixture)
{
    [Fact]
    public async Task SignInWithKey_CookieShowsName_SignOutClears()
    {
        using var browser = Browser();
        var token = await TokenAsync(browser, "/staff/sign-in?lang=en");

        var signIn = await PostAsync(browser, "/staff/sign-in", ("__RequestVerificationToken", token), ("language", "en"), ("key", fixture.Service.StaffKeys["zhang.wei"]));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sc_staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await browser.Client.GetAsync("/staff?lang=en");
        var html = await home.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Signed in as 张伟 (staff)", html, StringComparison.Ordinal);

        var signOut = await PostAsync(browser, "/staff/sign-out", ("__RequestVerificationToken", TokenIn(html)), ("language", "en"));
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        var after = await browser.Client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        Assert.StartsWith("/staff/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKey_400PageInTheLanguage_NoSession()
    {
        using var browser = Browser();
        var token = await TokenAsync(browser, "/staff/sign-in?lang=zh-CN");

        var refused = await PostAsync(browser, "/staff/sign-in", ("__RequestVerificationToken", token), ("language", "zh-CN"), ("key", "not-a-staff-key-0123456789"));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("员工密钥无效", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("sc_staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.Client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task DevOneClick_OnLoopback_SignsIn_OnOtherHost_Refused()
    {
        using var browser = Browser();
        var page = await (await browser.Client.GetAsync("/staff/sign-in?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"sign-in-as-gao.feng\"", page, StringComparison.Ordinal);
        var token = TokenIn(page);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/staff/sign-in")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("language", "en"), new("signInAs", "gao.feng")]),
        };
        foreign.Headers.Host = "complaints.example.cn";
        var refused = await browser.Client.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("only possible in Development, on this computer", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.Client.GetAsync("/staff")).StatusCode);

        var signIn = await PostAsync(browser, "/staff/sign-in", ("__RequestVerificationToken", token), ("language", "en"), ("signInAs", "gao.feng"));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Contains("Signed in as 高峰 (centre head)", await browser.Client.GetStringAsync("/staff?lang=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_400()
    {
        using var browser = Browser();
        await TokenAsync(browser, "/staff/sign-in?lang=en"); // the cookie half alone is not enough

        var signIn = await PostAsync(browser, "/staff/sign-in", ("language", "en"), ("key", fixture.Service.StaffKeys["zhang.wei"]));
        var signOut = await PostAsync(browser, "/staff/sign-out", ("language", "en"));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("not sent from this site", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.Client.GetAsync("/staff")).StatusCode);
    }

    [Theory]
    [InlineData("/staff?lang=en&page=2", "/staff?lang=en&page=2")]
    [InlineData("https://phishing.example/staff", "/staff?lang=en")]
    [InlineData("//phishing.example/staff", "/staff?lang=en")]
    [InlineData("/\\phishing.example/staff", "/staff?lang=en")]
    public async Task SignInWithKey_ReturnUrl_OnlyALocalPathIsFollowed(string returnUrl, string expected)
    {
        using var browser = Browser();
        var page = await browser.Client.GetStringAsync("/staff/sign-in?lang=en&returnUrl=" + Uri.EscapeDataString(returnUrl));

        var signIn = await PostAsync(browser, "/staff/sign-in", ("__RequestVerificationToken", TokenIn(page)), ("language", "en"), ("returnUrl", returnUrl), ("key", fixture.Service.StaffKeys["zhang.wei"]));

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal(expected, signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OrganisationAndPlatformSignIn_HostWithoutEither_404AndTheKeyForm()
    {
        using var browser = Browser();

        var page = await browser.Client.GetStringAsync("/staff/sign-in?lang=en");
        var organisation = await browser.Client.GetAsync("/staff/sign-in/organisation?lang=en");
        var platform = await browser.Client.GetAsync("/staff/sign-in/platform?lang=en");

        Assert.DoesNotContain("organisation-sign-in", page, StringComparison.Ordinal);
        Assert.Contains("id=\"staff-key\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, organisation.StatusCode);
        Assert.Contains("not set up on this service", await organisation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, platform.StatusCode);
    }

    private Browser Browser() => new(fixture.Http.BaseAddress!);

    private static async Task<string> TokenAsync(Browser browser, string path) => TokenIn(await browser.Client.GetStringAsync(path));

    private static string TokenIn(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    private static Task<HttpResponseMessage> PostAsync(Browser browser, string path, params (string Name, string Value)[] fields) =>
        browser.Client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>A client that keeps cookies and does not follow redirects, as a browser's session would be seen.</summary>
internal sealed class Browser(Uri baseAddress) : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    private HttpClient? _client;

    public HttpClient Client => _client ??= new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress };

    public CookieContainer Cookies => _handler.CookieContainer;

    public void Dispose()
    {
        _client?.Dispose();
        _handler.Dispose();
    }
}
