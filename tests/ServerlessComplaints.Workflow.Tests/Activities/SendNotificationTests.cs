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

    // The orchestration never hears of a reassignment: its mails for the old owner's steps go to the new owner, with
    // the action link issued to them; an approval request stays with its approver; after a move to another
    // department, the old manager's escalation goes to the new department's manager.
    [Theory]
    [InlineData(NotificationKind.Reminder, "zhang.wei", "quality", "wang.lei@example.cn")]
    [InlineData(NotificationKind.ExecutionRequest, "zhang.wei", "quality", "wang.lei@example.cn")]
    [InlineData(NotificationKind.ApprovalRequest, "wang.lei", "quality", "wang.lei@example.cn")]
    [InlineData(NotificationKind.Reminder, "zhang.wei", "service", "liu.yang@example.cn")]
    [InlineData(NotificationKind.Escalation, "li.na", "service", "yang.lei@example.cn")]
    [InlineData(NotificationKind.Escalation, "gao.feng", "service", "gao.feng@example.cn")]
    public async Task RunAsync_ReassignedCase_MailGoesToWhoseStepItIsNow(NotificationKind kind, string addressedTo, string department, string expectedTo)
    {
        await using var services = await ServicesWithCaseAsync("zh-CN");
        var owner = department == "quality" ? "wang.lei" : "liu.yang";
        await services.GetRequiredService<IComplaintStore>().UpdateAsync("CMP-20261123-ABCDEF",
            r => r with { OwnerId = owner, DepartmentId = department, PreviousOwnerIds = ["zhang.wei"] }, default);
        var activity = services.GetRequiredService<SendNotification>();

        await activity.RunAsync(new NotificationRequest("n-r", "CMP-20261123-ABCDEF", kind, addressedTo, new Dictionary<string, string> { ["percent"] = "50", ["level"] = "1" }, LinkAction: kind == NotificationKind.Reminder ? "findings" : null) { Round = "findings-1-abc" }, default);

        var mail = Assert.Single(services.GetRequiredService<InMemoryMailbox>().Mails);
        Assert.Equal(expectedTo, mail.To);
        if (kind == NotificationKind.Reminder)
        {
            var token = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"/actions/([A-Za-z0-9._\-]+)").Groups[1].Value;
            Assert.Equal(owner, services.GetRequiredService<ServerlessComplaints.Workflow.Security.ActionTokens>().Read(token).Claims!.Actor);
        }
    }

    [Fact]
    public async Task RunAsync_Reassigned_MailsTheCasePageLink()
    {
        await using var services = await ServicesWithCaseAsync("en");
        var activity = services.GetRequiredService<SendNotification>();

        await activity.RunAsync(new NotificationRequest("n-re", "CMP-20261123-ABCDEF", NotificationKind.Reassigned, "liu.yang", new Dictionary<string, string> { ["by"] = "李娜", ["from"] = "张伟" }), default);

        var mail = Assert.Single(services.GetRequiredService<InMemoryMailbox>().Mails);
        Assert.Equal("liu.yang@example.cn", mail.To);
        Assert.Equal("Case reassigned to you: CMP-20261123-ABCDEF", mail.Subject);
        Assert.Contains("李娜 reassigned it from 张伟", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/staff/cases/CMP-20261123-ABCDEF", mail.TextBody, StringComparison.Ordinal);
    }
}
