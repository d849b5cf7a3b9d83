using System.Net;
using System.Text.RegularExpressions;
using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.StaffOidc;

// Staff sign-in with the organisation's OpenID Connect provider, over real HTTP: the local service, the provider stub
// and a "browser" that carries the cookies from one to the other as a person's browser would.
[Collection(StaffOidcCollection.Name)]
public partial class StaffOidcOverHttpTests(StaffOidcFixture fixture)
{
    private const string Member = "zhang.wei@example.cn";

    [Fact]
    public async Task SignInPage_OidcAndKeysConfigured_OffersTheOrganisationAccountAndTheKey()
    {
        using var browser = Browser();

        var html = await browser.Client.GetStringAsync("/staff/sign-in?lang=en&returnUrl=%2Fstaff%3Flang%3Den");

        Assert.Contains("Sign in with your organisation account", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/sign-in/organisation?lang=en&amp;returnUrl=%2Fstaff%3Flang%3Den\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"staff-key\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationSignIn_DirectoryMember_SessionCookieThenTheReturnPath()
    {
        using var browser = Browser();

        var callback = await SignInAtProviderAsync(browser, Member, returnUrl: "/staff?lang=en&from=oidc");

        Assert.Equal(HttpStatusCode.SeeOther, callback.StatusCode);
        Assert.Equal("/staff?lang=en&from=oidc", callback.Headers.Location!.OriginalString);
        var cookie = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sc_staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("S256", fixture.Provider.LastAuthorize["code_challenge_method"]);
        Assert.Equal(fixture.Service.BaseUrl + "/staff/sign-in/oidc", fixture.Provider.LastAuthorize["redirect_uri"]);
        Assert.Contains("Signed in as 张伟 (staff)", await browser.Client.GetStringAsync("/staff?lang=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionCookie_IssuedByOneInstance_AcceptedByAnotherOnTheSameStorage()
    {
        using var browser = Browser();
        await SignInAtProviderAsync(browser, Member);
        var home = await browser.Client.GetStringAsync("/staff?lang=en");
        using var other = new Browser(new Uri(fixture.OtherInstance.BaseUrl));
        foreach (Cookie cookie in browser.Cookies.GetCookies(new Uri(fixture.Service.BaseUrl)))
        {
            other.Cookies.Add(new Uri(fixture.OtherInstance.BaseUrl), new Cookie(cookie.Name, cookie.Value, "/"));
        }

        var onOther = await other.Client.GetStringAsync("/staff?lang=en");
        var signOut = await other.Client.PostAsync("/staff/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", TokenIn(home)), new("language", "en")]));

        Assert.Contains("Signed in as 张伟 (staff)", onOther, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode); // the antiforgery token of one instance is good on the other
    }

    [Fact]
    public async Task OrganisationSignIn_SomeoneOutsideTheDirectory_403InTheLanguage_NoSession()
    {
        using var browser = Browser();

        var refused = await SignInAtProviderAsync(browser, "visitor@example.cn", language: "zh-CN");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不在员工名录中", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        await AssertNoSessionAsync(browser, refused);
    }

    [Fact]
    public async Task OrganisationSignIn_DirectoryEmailNotVerified_403_NoSession()
    {
        using var browser = Browser();

        var refused = await SignInAtProviderAsync(browser, Member, verified: false);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not in the staff directory", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoSessionAsync(browser, refused);
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("signature")]
    [InlineData("expired")]
    [InlineData("unsigned")]
    public async Task OrganisationSignIn_IdTokenSpoiled_Refused_NoSession(string spoil)
    {
        using var browser = Browser();

        var refused = await SignInAtProviderAsync(browser, Member, spoil: spoil);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("organisation sign-in was not accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoSessionAsync(browser, refused);
    }

    [Fact]
    public async Task Callback_StateOfAnotherBrowsersSignIn_Refused_NoSession()
    {
        using var victim = Browser();
        using var attacker = Browser();
        await StartAsync(victim, "/staff?lang=en", "en");
        var attackersCallback = await AtProviderAsync(await StartAsync(attacker, "/staff?lang=en", "en"), Member, true, null);

        var refused = await victim.Client.GetAsync(attackersCallback);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await AssertNoSessionAsync(victim, refused);
    }

    [Fact]
    public async Task Callback_StateTampered_Refused_NoSession()
    {
        using var browser = Browser();
        var callback = await AtProviderAsync(await StartAsync(browser, "/staff?lang=en", "en"), Member, true, null);
        var tampered = StateParameter().Replace(callback.OriginalString, m => "state=" + m.Groups[1].Value[..^4] + "AAAA");

        var refused = await browser.Client.GetAsync(new Uri(tampered));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await AssertNoSessionAsync(browser, refused);
    }

    [Fact]
    public async Task OrganisationSignIn_ReturnUrlOnAnotherSite_GoesToTheQueueInstead()
    {
        using var browser = Browser();

        var callback = await SignInAtProviderAsync(browser, Member, returnUrl: "//phishing.example/staff");

        Assert.Equal(HttpStatusCode.SeeOther, callback.StatusCode);
        Assert.Equal("/staff?lang=en", callback.Headers.Location!.OriginalString);
    }

    private Browser Browser() => new(new Uri(fixture.Service.BaseUrl));

    /// <summary>The whole round trip: the sign-in link, the provider (who signs in there), back to the service's callback.</summary>
    private async Task<HttpResponseMessage> SignInAtProviderAsync(Browser browser, string email, bool verified = true, string? spoil = null, string returnUrl = "/staff?lang=en", string language = "en")
    {
        var authorize = await StartAsync(browser, returnUrl, language);
        return await browser.Client.GetAsync(await AtProviderAsync(authorize, email, verified, spoil));
    }

    private static async Task<Uri> StartAsync(Browser browser, string returnUrl, string language)
    {
        var start = await browser.Client.GetAsync($"/staff/sign-in/organisation?lang={language}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        return start.Headers.Location!;
    }

    // The provider's own pages see none of the service's cookies.
    private static async Task<Uri> AtProviderAsync(Uri authorize, string email, bool verified, string? spoil)
    {
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var signedIn = await provider.GetAsync($"{authorize}&stub_email={Uri.EscapeDataString(email)}&stub_verified={(verified ? "true" : "false")}&stub_spoil={spoil}");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.Location!;
    }

    private static async Task AssertNoSessionAsync(Browser browser, HttpResponseMessage answer)
    {
        Assert.DoesNotContain(answer.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("sc_staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.Client.GetAsync("/staff")).StatusCode);
    }

    private static string TokenIn(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("state=([^&]+)")]
    private static partial Regex StateParameter();
}
