using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.Hardening;

/// <summary>Every page of the local service, and every answer that carries a token, over HTTP: the security headers.</summary>
[Collection(LocalServiceCollection.Name)]
public sealed partial class SecurityHeadersTests(LocalServiceFixture fixture)
{
    [Fact]
    public async Task EveryPage_OverHttp_CspWithoutInlineScriptNoFramesNoReferrerNosniffNoStore()
    {
        var client = new CaseClient(fixture);
        await client.SubmitAsync(CaseClient.Submission("complaint"));
        string[] pages =
        [
            "/",
            new Uri(client.StatusUrl).PathAndQuery,
            $"/status/{client.TrackingNumber}?t=wrong-token",
            "/actions/not-a-valid-token",
            "/dev/mailbox",
        ];

        var answers = new List<HttpResponseMessage>();
        foreach (var page in pages)
        {
            answers.Add(await fixture.Http.GetAsync(page));
        }

        answers.Add(await fixture.Http.PostAsync("/actions/not-a-valid-token", new FormUrlEncodedContent([KeyValuePair.Create("comment", "x")])));

        Assert.Equal(HttpStatusCode.OK, answers[1].StatusCode);
        foreach (var answer in answers)
        {
            await AssertPageAsync(answer);
        }
    }

    [Fact]
    public async Task TokenAnswers_IntakeStatusJsonAndEvidence_NoStoreNosniffNoReferrer()
    {
        var client = new CaseClient(fixture);

        var intake = await client.SubmitAsync(CaseClient.Submission("complaint"));
        var status = await fixture.Http.GetAsync($"/api/complaints/{client.TrackingNumber}?t={client.Token}");
        var evidence = await fixture.Http.GetAsync("/evidence/dev.bm90LWEtYmxvYg.1893456000.not-a-signature");

        Assert.Equal(HttpStatusCode.Accepted, intake.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, evidence.StatusCode);
        foreach (var answer in new[] { intake, status, evidence })
        {
            Assert.True(answer.Headers.CacheControl?.NoStore, $"{answer.RequestMessage!.RequestUri}: Cache-Control {answer.Headers.CacheControl}");
            Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(answer, "Referrer-Policy"));
            Assert.Contains("frame-ancestors 'none'", Header(answer, "Content-Security-Policy"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FormScript_ServedByTheApp_JavaScriptNosniff()
    {
        var form = await fixture.Http.GetStringAsync("/");

        var src = ScriptSource().Match(form).Groups["src"].Value;
        var script = await fixture.Http.GetAsync(src);

        Assert.Equal("/assets/form.js", src);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Header(script, "X-Content-Type-Options"));
        Assert.Contains("xhr.setRequestHeader('Idempotency-Key', key)", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertPageAsync(HttpResponseMessage answer)
    {
        var where = answer.RequestMessage!.Method + " " + answer.RequestMessage.RequestUri!.AbsolutePath;
        var html = await answer.Content.ReadAsStringAsync();
        var csp = Header(answer, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());

        Assert.True(answer.Content.Headers.ContentType?.MediaType == "text/html", where + " is not a page");
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain(InlineScript().Matches(html), m => m.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal) is false);
        Assert.All(InlineStyle().Matches(html), m => Assert.Contains($"'sha256-{Sha256(m.Groups["css"].Value)}'", directives["style-src"]));
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Header(answer, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
        Assert.True(answer.Headers.CacheControl?.NoStore, where + ": Cache-Control " + answer.Headers.CacheControl);
    }

    private static string Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex(@"<script src=""(?<src>[^""]+)""")]
    private static partial Regex ScriptSource();
}
