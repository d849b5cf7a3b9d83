namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>
/// The lookup form (POST /lookup) as a browser without JavaScript posts it, from a client address of the test's
/// choosing: the service takes the last X-Forwarded-For entry of a loopback request as the client, as it does behind
/// the Functions front end.
/// </summary>
internal static class LookupForm
{
    private static int _clients;

    /// <summary>A client address no other test uses, so each test spends its own budgets.</summary>
    public static string NewClient()
    {
        var n = Interlocked.Increment(ref _clients);
        return $"10.{Environment.ProcessId % 250}.{n / 250}.{(n % 250) + 1}";
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string client, string trackingNumber, string email, string language = "en", string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/lookup")
        {
            Content = new FormUrlEncodedContent(
            [
                KeyValuePair.Create("language", language),
                KeyValuePair.Create("lookupKey", key ?? Guid.NewGuid().ToString("N")),
                KeyValuePair.Create("trackingNumber", trackingNumber),
                KeyValuePair.Create("email", email),
            ]),
        };
        request.Headers.Add("X-Forwarded-For", client);
        return await http.SendAsync(request);
    }

    /// <summary>The status-link mails of one case the dev mailbox holds.</summary>
    public static async Task<IReadOnlyList<LocalHost.Mail.DevMail>> MailsAsync(LocalServiceFixture fixture, string trackingNumber) =>
        [.. (await fixture.MailsAsync()).Where(m => m.NotificationId is { } id && id.StartsWith(trackingNumber + "-lookup-", StringComparison.Ordinal) && id.EndsWith("-statuslink", StringComparison.Ordinal))];

    /// <summary>Polls the dev mailbox until the mail of the lookup posted with <paramref name="key"/> arrives.</summary>
    public static async Task<LocalHost.Mail.DevMail> WaitForMailAsync(LocalServiceFixture fixture, string trackingNumber, string key)
    {
        var id = $"{trackingNumber}-lookup-{key}-statuslink";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await fixture.MailsAsync()).FirstOrDefault(m => m.NotificationId == id) is { } mail)
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail {id} after 30 s.");
            }

            await Task.Delay(100);
        }
    }
}
