using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Browser.Tests.Pages;

namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>
/// A complaint filed over the intake API (the form's own test files through the browser) and the first mails it
/// caused: the customer's acknowledgement with the status link, the owner's assignment with the findings link.
/// </summary>
public sealed partial record FiledCase(string TrackingNumber, DevMail Acknowledgement, DevMail Assignment)
{
    public string StatusLink => StatusUrl().Match(Acknowledgement.Text) is { Success: true } m ? m.Value
        : throw new InvalidOperationException("No status link in the acknowledgement: " + Acknowledgement.Text);

    public string FindingsLink => ActionUrl().Match(Assignment.Text) is { Success: true } m ? m.Value
        : throw new InvalidOperationException("No action link in the assignment: " + Assignment.Text);

    internal static async Task<FiledCase> FileAsync(BrowserFixture fixture, CustomerLanguage language)
    {
        var input = language.Input;
        var submission = new
        {
            kind = "complaint",
            category = "product-quality",
            subject = input.Subject,
            description = input.Description,
            customer = new { name = input.Name, email = input.NewEmail() },
            language = language.Code,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(submission) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Filing a {language} case: {(int)response.StatusCode} {body}");
        }

        var trackingNumber = JsonDocument.Parse(body).RootElement.GetProperty("trackingNumber").GetString()!;
        return new FiledCase(
            trackingNumber,
            await fixture.WaitForMailAsync(trackingNumber, "acknowledgement"),
            await fixture.WaitForMailAsync(trackingNumber, "assignment"));
    }

    [GeneratedRegex(@"http://[^\s""<>]+/status/[^\s""<>]+")]
    private static partial Regex StatusUrl();

    [GeneratedRegex(@"http://[^\s""<>]+/actions/[A-Za-z0-9._\-]+")]
    private static partial Regex ActionUrl();
}
