using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServerlessComplaints.Web;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// Every page component rendered in zh-CN and en with representative models (<see cref="PageSamples"/>), as both hosts
/// render them (HtmlRenderer, the hosts' services): no resource key missing, none shown, no system code or other
/// English word in the Chinese pages and no hyphenated code ("offer-sent") in the English ones.
/// </summary>
public sealed class EveryPageTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in PageSamples.Names)
        {
            data.Add(name, CaseLanguage.Chinese);
            data.Add(name, CaseLanguage.English);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Render_SampleInLanguage_EveryKeyFoundNoSystemCodeNoEnglishInChinese(string sample, string language)
    {
        var (services, localizer) = Services();
        await using var _ = services;

        var html = await PageSamples.Render(sample, language, services);

        var text = PageTextChecks.VisibleText(html);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Empty(localizer.Missing.Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(PageTextChecks.Problems(text, language, PageSamples.CustomerWords(language)));
    }

    // Pages are the components directly under ServerlessComplaints.Web.Pages (their parts are under Pages.Parts).
    [Fact]
    public void Samples_CoverEveryPageComponent()
    {
        var pages = typeof(PageResources).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FormPage).Namespace && typeof(IComponent).IsAssignableFrom(t) && t.IsPublic && !t.IsAbstract);

        var missing = pages.Except(PageSamples.PageTypes).Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Empty(missing);
        Assert.True(PageSamples.PageTypes.Count() >= 6, "the samples render fewer page types than the Web project has");
    }

    // The checks themselves can fail: a key the resources lack is recorded, a stage code and an English sentence in Chinese text are found.
    [Fact]
    public async Task Checks_MissingKeyRawCodeAndEnglishInChinese_AllReported()
    {
        var (services, localizer) = Services();
        await using var _ = services;

        var missing = services.GetRequiredService<PageText>().In(CaseLanguage.Chinese, "Form.NoSuchKey");
        var problems = PageTextChecks.Problems(
            PageTextChecks.VisibleText("<p>当前阶段 <b>investigation</b></p><p title=\"ok\">Form.NoSuchKey</p><style>body{}</style><p>file is empty</p>"), CaseLanguage.Chinese, []);

        Assert.Equal("Form.NoSuchKey", missing);
        Assert.Contains("Form.NoSuchKey (zh-CN)", localizer.Missing);
        Assert.Contains(problems, p => p.StartsWith("system code shown untranslated: 'investigation'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("resource key shown: 'Form.NoSuchKey'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("English word in Chinese text: 'file'", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("'ok'", StringComparison.Ordinal) || p.Contains("'body'", StringComparison.Ordinal));
    }

    // Both hosts' page services (the Workflow's, the web surface's, in-memory stores), the page localizer recording misses.
    private static (ServiceProvider Services, RecordingLocalizer Localizer) Services()
    {
        var services = new ServiceCollection()
            .AddComplaintWorkflow(new ComplaintCentreSettings())
            .AddLogging()
            .AddInMemoryCaseStores()
            .AddComplaintCentreWeb(new ConfigurationBuilder().Build());
        services.AddSingleton(sp => new RecordingLocalizer(new StringLocalizer<PageResources>(sp.GetRequiredService<IStringLocalizerFactory>())));
        services.AddSingleton<IStringLocalizer<PageResources>>(sp => sp.GetRequiredService<RecordingLocalizer>());
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<RecordingLocalizer>());
    }
}
