using System.Net;
using System.Text;
using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.Hardening;

/// <summary>
/// The dev mailbox (which shows every action and status link) and the mail sink answer a loopback Host only: a page
/// whose DNS name was rebound to 127.0.0.1 sends its own name and gets nothing.
/// </summary>
[Collection(LocalServiceCollection.Name)]
public sealed class DevMailboxLoopbackTests(LocalServiceFixture fixture)
{
    private const string Mail = """
        {"personalizations":[{"to":[{"email":"someone@example.cn"}]}],"from":{"email":"evil@example.com"},"subject":"x","content":[{"type":"text/plain","value":"x"}]}
        """;

    [Theory]
    [InlineData("GET", "/dev/mailbox")]
    [InlineData("GET", "/dev/mailbox.json")]
    [InlineData("POST", "/v3/mail/send")]
    public async Task DevRoutes_ForeignHostHeader_404(string method, string path)
    {
        using var request = Request(method, path, "evil.example");

        var answer = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.DoesNotContain("/actions/", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task Mailbox_LoopbackHostHeaderWithThePort_Answers(string host)
    {
        using var request = Request("GET", "/dev/mailbox.json", $"{host}:{new Uri(fixture.Service.BaseUrl).Port}");

        var answer = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task MailSink_LocalhostHostHeader_Accepts()
    {
        using var request = Request("POST", "/v3/mail/send", "localhost");

        var answer = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string host)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Host = host;
        if (method == "POST")
        {
            request.Content = new StringContent(Mail, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
