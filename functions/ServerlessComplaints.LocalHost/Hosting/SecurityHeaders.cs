using ServerlessComplaints.LocalHost.Pages;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>Sets <see cref="PageSecurity"/>'s headers on every answer of the local service as the response starts.</summary>
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
                return Task.CompletedTask;
            });
            return next(context);
        });
}
