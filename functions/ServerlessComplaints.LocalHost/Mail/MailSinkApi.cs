using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>
/// Loopback only (<see cref="LoopbackOnly"/>): a SendGrid-compatible <c>POST /v3/mail/send</c>, and <c>GET /dev/mailbox</c>
/// listing what was "sent" (<c>?case=</c> one case's; <c>.json</c> the same as JSON), each HTML part at <c>/dev/mailbox/{id}/html</c>.
/// </summary>
internal static class MailSinkApi
{
    public static IEndpointRouteBuilder MapMailSink(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v3/mail/send", async (HttpContext http, DevMailStore store, MailSinkFaults faults, TimeProvider time, CancellationToken ct) =>
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
                var mails = Parse(doc.RootElement, time.GetUtcNow().UtcDateTime).ToList();
                if (mails.Any(m => faults.ShouldFail(m.To)))
                {
                    return WebProblems.Problem(503, "Mail sink fault injected (LocalService:MailSinkFailures).");
                }

                foreach (var mail in mails)
                {
                    await store.AddAsync(mail, ct);
                }

                return Results.Accepted();
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return WebProblems.Problem(400, "Not a SendGrid v3 mail/send request.", ex.Message);
            }
        }).RequireLoopback();

        routes.MapGet("/dev/mailbox", async (DevMailStore store, [FromQuery(Name = "case")] string? typed, CancellationToken ct) =>
        {
            if (!CaseFilter.TryRead(typed, out var trackingNumber))
            {
                return Page.Of<MailboxPage>("en", new { Mails = Array.Empty<DevMail>(), Typed = typed, Error = CaseFilter.Error(typed!) }, StatusCodes.Status400BadRequest);
            }

            return Page.Of<MailboxPage>("en", new { Mails = await store.ListAsync(200, ct, trackingNumber), Case = trackingNumber });
        }).RequireLoopback();
        routes.MapGet("/dev/mailbox.json", async (DevMailStore store, [FromQuery(Name = "case")] string? typed, CancellationToken ct) =>
            CaseFilter.TryRead(typed, out var trackingNumber)
                ? Results.Json(await store.ListAsync(1000, ct, trackingNumber))
                : WebProblems.Problem(400, "Not a tracking number.", CaseFilter.Error(typed!))).RequireLoopback();
        routes.MapGet(MailboxSecurity.PreviewPath + "{id}/html", async (DevMailStore store, string id, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { Html: { } html }
                ? Results.Content(MailboxSecurity.PreviewDocument(html), "text/html; charset=utf-8")
                : Results.NotFound()).RequireLoopback();
        return routes;
    }

    private static IEnumerable<DevMail> Parse(JsonElement root, DateTime now)
    {
        var from = root.GetProperty("from").GetProperty("email").GetString() ?? "";
        var subject = root.TryGetProperty("subject", out var s) ? s.GetString() ?? "" : "";
        string? text = null, html = null;
        foreach (var content in root.GetProperty("content").EnumerateArray())
        {
            var type = content.GetProperty("type").GetString();
            if (type == "text/plain")
            {
                text = content.GetProperty("value").GetString();
            }
            else if (type == "text/html")
            {
                html = content.GetProperty("value").GetString();
            }
        }

        var notificationId = root.TryGetProperty("custom_args", out var args) && args.TryGetProperty("notificationId", out var n) ? n.GetString() : null;
        foreach (var personalization in root.GetProperty("personalizations").EnumerateArray())
        {
            var id = personalization.TryGetProperty("custom_args", out var pa) && pa.TryGetProperty("notificationId", out var pn) ? pn.GetString() : notificationId;
            var personalSubject = personalization.TryGetProperty("subject", out var ps) ? ps.GetString() ?? subject : subject;
            foreach (var to in personalization.GetProperty("to").EnumerateArray())
            {
                yield return new DevMail(Guid.NewGuid().ToString("N")[..12], now, from, to.GetProperty("email").GetString() ?? "", personalSubject, text ?? "", html, id);
            }
        }
    }
}
