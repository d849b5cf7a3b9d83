using ServerlessComplaints.Web.Mail;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Workflow.Tests.Activities;

public class SendNotificationTests
{
    private static async Task<ServiceProvider> ServicesWithCaseAsync(string language, string? email = "li.ming@example.com")
    {
        var services = new ServiceCollection().AddComplaintWorkflow(new ComplaintCentreSettings()).AddInMemoryCaseStores().AddComplaintCentreMail().BuildServiceProvider();
        var details = new ComplaintDetails("CMP-20261123-ABCDEF", ComplaintKind.Complaint, Category.Delivery, Channel.Web, "Parcel never arrived", "Ordered on the 1st.",
            new Customer("Li Ming", email, "+86 139 0000 0000"), language, new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc));
        await services.GetRequiredService<IComplaintStore>().TryAddAsync(new ComplaintRecord(details) { DueAtUtc = new DateTime(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc) }, default);
        return services;
    }

    [Fact]
    public async Task RunAsync_SameNotificationIdTwice_MailsOnce()
    {
        await using var services = await ServicesWithCaseAsync("en");
        var activity = services.GetRequiredService<SendNotification>();
        var request = new NotificationRequest("CMP-20261123-ABCDEF-002-acknowledgement", "CMP-20261123-ABCDEF", NotificationKind.Acknowledgement, NotificationRequest.Customer);

        var first = await activity.RunAsync(request, default);
        var retry = await activity.RunAsync(request, default);

        Assert.True(first.Sent);
        Assert.True(retry.AlreadySent);
        Assert.Single(services.GetRequiredService<InMemoryMailbox>().Mails);
    }

    [Fact]
    public async Task RunAsync_EnglishCase_RendersEnglishWithLocalDueDate()
    {
        await using var services = await ServicesWithCaseAsync("en");
        var activity = services.GetRequiredService<SendNotification>();

        await activity.RunAsync(new NotificationRequest("n1", "CMP-20261123-ABCDEF", NotificationKind.Acknowledgement, NotificationRequest.Customer), default);

        var mail = Assert.Single(services.GetRequiredService<InMemoryMailbox>().Mails);
        Assert.Equal("li.ming@example.com", mail.To);
        Assert.Equal("We received your complaint: CMP-20261123-ABCDEF", mail.Subject);
        Assert.Contains("by the end of 26 November (UTC+8)", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StaffRecipient_UsesDirectoryEmail()
    {
        await using var services = await ServicesWithCaseAsync("zh-CN");
        var activity = services.GetRequiredService<SendNotification>();

        await activity.RunAsync(new NotificationRequest("n2", "CMP-20261123-ABCDEF", NotificationKind.Assignment, "zhao.min"), default);

        var mail = Assert.Single(services.GetRequiredService<InMemoryMailbox>().Mails);
        Assert.Equal("zhao.min@example.cn", mail.To);
        Assert.StartsWith("新案件待处理", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CustomerWithoutEmail_SkipsWithReason()
    {
        await using var services = await ServicesWithCaseAsync("en", email: null);
        var activity = services.GetRequiredService<SendNotification>();

        var result = await activity.RunAsync(new NotificationRequest("n3", "CMP-20261123-ABCDEF", NotificationKind.Acknowledgement, NotificationRequest.Customer), default);

        Assert.False(result.Sent);
        Assert.Equal("the customer has no email address", result.SkippedBecause);
        Assert.Empty(services.GetRequiredService<InMemoryMailbox>().Mails);
    }
}
