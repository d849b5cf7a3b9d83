using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Web.Http;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>Sets <see cref="PageSecurity"/>'s headers on the local service's own answers too (404s, the dev mailbox and mail sink) as the response starts.</summary>
internal static class SecurityHeaders
{
    // First in the pipeline, so errors, 404s and 429s carry the headers too; /assets are the only cacheable answers.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var cacheable = context.Request.Path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase);
            context.Response.OnStarting(() =>
            {
                PageSecurity.ApplyByContentType(context.Response, cacheable);
                MailboxSecurity.Apply(context); // the mailbox's second style sheet, and its mail previews in a frame
                return Task.CompletedTask;
            });
            return next(context);
        });
}
