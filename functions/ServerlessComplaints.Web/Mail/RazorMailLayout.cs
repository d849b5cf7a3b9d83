using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Web.Mail;

/// <summary>The mail layout of both hosts: <see cref="MailLayout"/> rendered with the pages' renderer.</summary>
public sealed class RazorMailLayout(IServiceProvider services) : IMailLayout
{
    public Task<string> RenderAsync(string subject, MailBody body, string language, CancellationToken cancellationToken) =>
        Page.Of<MailLayout>(language, new { Subject = subject, Body = body, Language = language }).RenderAsync(services);
}

public static class MailLayoutServices
{
    /// <summary>The mail layout the Workflow's senders use (hosts call it through <c>AddComplaintCentreWeb</c>; tests that send mail call it directly).</summary>
    public static IServiceCollection AddComplaintCentreMail(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.TryAddSingleton<PageText>(); // every component here injects it (_Imports.razor)
        services.TryAddSingleton<IMailLayout, RazorMailLayout>();
        return services;
    }
}
