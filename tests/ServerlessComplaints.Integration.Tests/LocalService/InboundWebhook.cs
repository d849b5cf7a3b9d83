using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>Posts to the service's Inbound Parse webhook as SendGrid does, with the basic-auth secret.</summary>
internal static class InboundWebhook
{
    public static async Task<HttpResponseMessage> PostAsync(LocalServiceFixture fixture, HttpContent form, string? secret = LocalServiceFixture.InboundSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound-email") { Content = form };
        if (secret is not null)
        {
            request.Headers.Authorization = SendGridForm.Basic(secret);
        }

        return await fixture.Http.SendAsync(request);
    }

    /// <summary>The 200 body, failing with the status and body otherwise.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
