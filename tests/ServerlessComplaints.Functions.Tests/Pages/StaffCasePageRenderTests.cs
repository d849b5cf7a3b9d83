using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>What the staff case page says about what the person may do, from the real decision (the samples' views).</summary>
public sealed class StaffCasePageRenderTests
{
    [Theory]
    [InlineData(CaseLanguage.Chinese, "需要经理审批：¥3,000.00 超出您的 ¥1,000.00 权限。")]
    [InlineData(CaseLanguage.English, "needs a manager: CN¥3,000.00 exceeds your limit of CN¥1,000.00.")]
    public async Task SupervisorFacingAnApprovalAboveTheirLimit_NoApprovalForm_SaysWhoIsNeeded(string language, string reason)
    {
        await using var services = Services();

        var text = PageTextChecks.VisibleText(await PageSamples.Render("staff-case-approval-refused-above-limit", language, services));
        var html = await PageSamples.Render("staff-case-approval-refused-above-limit", language, services);

        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"approval-form\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"note-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_Investigation_FindingsAndNoteForms_NoReassign_LimitShown()
    {
        await using var services = Services();

        var html = await PageSamples.Render("staff-case-investigation", CaseLanguage.English, services);

        Assert.Contains("id=\"findings-form\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"note-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reassign-form\"", html, StringComparison.Ordinal);
        Assert.Contains("Your approval limit is CN¥200.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnly_NoFormOfTheCase()
    {
        await using var services = Services();

        var html = await PageSamples.Render("staff-case-read-only", CaseLanguage.Chinese, services);

        Assert.Contains("id=\"read-only\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/staff/cases/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedForm_OnlyItOpen_FirstFieldWithAnErrorFocused()
    {
        await using var services = Services();

        var html = await PageSamples.Render("staff-case-errors-reassign", CaseLanguage.English, services);

        Assert.Matches("<details id=\"action-reassign\" class=\"action\" open", html);
        Assert.DoesNotMatch("<details id=\"action-findings\" class=\"action\" open", html);
        Assert.Matches("<select id=\"reassign-owner\"[^>]*aria-invalid=\"true\"[^>]*autofocus", html);
        Assert.Contains("This person already owns the case.", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, " autofocus"));
    }

    private static ServiceProvider Services() => new ServiceCollection()
        .AddComplaintWorkflow(new ComplaintCentreSettings())
        .AddLogging()
        .AddInMemoryCaseStores()
        .AddComplaintCentreWeb(new ConfigurationBuilder().Build())
        .BuildServiceProvider();
}
