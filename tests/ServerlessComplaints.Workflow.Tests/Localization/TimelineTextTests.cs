using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Tests.Calendar;
using ServerlessComplaints.Workflow.Tests.Lifecycle;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Tests.Localization;

public partial class TimelineTextTests
{
    private const string Tn = "CMP-20261123-ABCDEF";
    private static readonly DateTime At = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TimelineText Renderer = new(new CaseTimes(TestCalendars.HolidayWeek()), new StaffDirectory(StaffDirectoryOptions.Sample()));

    /// <summary>A sample value for every parameter a sentence may name; codes chosen with hyphens so a leaked code shows.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        [P.Channel] = "web", [P.Urgency] = "urgent", [P.Party] = "third-party", [P.Remedy] = "refund", [P.Amount] = "599.00",
        [P.Outcome] = "no-response", [P.Role] = "centre-head", [P.Task] = "final-offer", [P.Owner] = "zhang.wei", [P.Approver] = "wang.lei",
        [P.From] = "li.na", [P.To] = "gao.feng", [P.Due] = "2026-12-03T16:00:00.0000000Z", [P.Until] = "2027-12-03T16:00:00.0000000Z",
        [P.Percent] = "80", [P.Rating] = "2", [P.Declines] = "3", [P.Reference] = "RF-88231", [P.Files] = "照片.jpg", [P.Text] = "客户原话 {owner}",
        [P.Stage] = "follow-up", [P.Count] = "3", [P.Error] = "Activity failed: boom", [P.Sender] = "someone@evil.example",
        [P.Held] = ReplySender.CustomerUnverified, [P.Verdict] = "SPF: softfail", [P.Sign] = AutomaticMail.AutoSubmitted,
        [P.Reasons] = $"{RefusalCodes.FileType},{RefusalCodes.FileTooLarge},{RefusalCodes.TooManyFiles},{RefusalCodes.TotalTooLarge}",
        [P.MaxFileMb] = "10", [P.MaxFiles] = "5", [P.MaxTotalMb] = "25", [P.NotKept] = "invoice.jpg", [P.Keywords] = "爆炸", [P.Repeat] = "true",
    };

    /// <summary>Sample values shown verbatim (addresses, names, verdicts, references) and the protocol and format names the texts use.</summary>
    private static readonly string[] VerbatimLatin =
        ["someone@evil.example", "SPF: softfail", "invoice.jpg", "照片.jpg", "RF-88231", "Auto-Submitted", "SPF/DKIM", "JPEG", "PNG", "GIF", "WebP", "PDF", "MB", "UTC"];

    /// <summary>The codes a parameter may hold whose words come from the resources.</summary>
    private static readonly string[] SampleCodes =
    [
        .. TimelineCodes.All, "web", "third-party", "no-response", "centre-head", "final-offer", "follow-up", "refund", "urgent",
        .. CaseTextsTests.Constants(typeof(ReplySender)), .. CaseTextsTests.Constants(typeof(AutomaticMail)), .. CaseTextsTests.Constants(typeof(RefusalCodes)),
    ];

    public static TheoryData<string, string> EveryCode()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in TimelineCodes.All)
        {
            foreach (var culture in CaseCulture.All)
            {
                data.Add(code, culture.Name);
            }
        }

        return data;
    }

    /// <summary>
    /// What an entry of <paramref name="code"/> carries: its sentence's parameters, the limits its reasons name, every
    /// optional part (so each part is rendered in each language too) and a person's words.
    /// </summary>
    private static Dictionary<string, string> ParametersOf(string code)
    {
        var names = Placeholders.Names(CaseTexts.Get("Timeline." + code, CaseCulture.English)).Concat([P.Text, P.Keywords, P.Repeat, P.Verdict, P.NotKept]).ToList();
        if (names.Contains(P.Remedy))
        {
            names.Add(P.Amount);
        }

        if (names.Contains(P.Reasons))
        {
            names.AddRange([P.MaxFileMb, P.MaxFiles, P.MaxTotalMb]);
        }

        return names.Distinct().ToDictionary(n => n, n => Samples[n], StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Render_EveryCodeWithItsParameters_ReadersLanguageNoCodeNoPlaceholder(string code, string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var sentence = CaseTexts.Get("Timeline." + code, culture);

        var line = Renderer.Render(new TimelineEntry(Tn, "e", At, "system", code, "English detail", true, ParametersOf(code)), culture);

        Assert.DoesNotMatch(@"\{[A-Za-z]+\}", line.Text);
        Assert.Equal("客户原话 {owner}", line.Quote);
        Assert.DoesNotContain("English detail", line.Text, StringComparison.Ordinal);
        Assert.NotEqual(CaseTexts.Get("Timeline.Unknown", culture), line.Text);
        if (Placeholders.Names(sentence).Count > 0)
        {
            Assert.NotNull(CaseTexts.Find($"Timeline.{code}.Short", culture));
            Assert.NotEqual(CaseTexts.Get($"Timeline.{code}.Short", culture), line.Text);
        }

        if (cultureName == CaseLanguage.Chinese)
        {
            Assert.Equal("系统", line.Actor);
            Assert.All(SampleCodes, c => Assert.DoesNotMatch($@"(?<![A-Za-z-]){Regex.Escape(c)}(?![A-Za-z-])", line.Text));
            var words = VerbatimLatin.Aggregate(line.Text, (text, allowed) => text.Replace(allowed, "", StringComparison.Ordinal));
            Assert.DoesNotMatch("[A-Za-z]{2,}", words);
        }
    }

    [Theory]
    [MemberData(nameof(CaseTextsTests.Cultures), MemberType = typeof(CaseTextsTests))]
    public void Labels_EveryCodeATimelineParameterMayHold_InBothLanguages(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var keys = CaseTextsTests.Constants(typeof(ReplySender)).Select(c => "Held." + c)
            .Concat(CaseTextsTests.Constants(typeof(AutomaticMail)).Select(c => "Automatic." + c))
            .Concat(CaseTextsTests.Constants(typeof(RefusalCodes)).Select(c => "Refused." + c))
            .Concat(CaseTextsTests.Constants(typeof(CaseStage)).Select(c => "Stage." + c))
            .Concat(new[] { P.Keywords, P.Repeat, P.Verdict, P.NotKept }.Select(p => "Timeline.Part." + p))
            .ToList();

        Assert.Equal(3 + 6 + 6 + 10 + 4, keys.Count);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(CaseTexts.Find(key, culture)), $"{cultureName}: no {key}"));
    }

    [Theory]
    [InlineData("zh-CN", "已评估：紧急程度紧急，分派给张伟；安全/健康关键词：爆炸, 起火；重复投诉")]
    [InlineData("en", "Assessed: urgency urgent, assigned to 张伟; safety/health keywords: 爆炸, 起火; a repeat complaint")]
    public void Render_OptionalParts_FollowTheSentenceInOrder(string language, string text)
    {
        var entry = TimelineEntry.Of(Tn, "e", At, "system", TimelineCodes.Assessed, false, new Dictionary<string, string>
        {
            [P.Repeat] = "true", [P.Keywords] = "爆炸, 起火", [P.Urgency] = "urgent", [P.Owner] = "zhang.wei",
        });

        Assert.Equal(text, Renderer.Render(entry, CaseCulture.Of(language)).Text);
    }

    [Fact]
    public void Render_FailureWithoutWords_TheRaisedErrorIsTheQuote()
    {
        var entry = TimelineEntry.Of(Tn, "e", At, "system", TimelineCodes.Failed, false,
            new Dictionary<string, string> { [P.Stage] = "investigation", [P.Error] = "Activity 'SendNotification' failed: SMTP down" });

        var line = Renderer.Render(entry, CaseCulture.Chinese);

        Assert.Equal(("处理出错（所处阶段：调查中），案件需要人工处理", "Activity 'SendNotification' failed: SMTP down"), (line.Text, line.Quote));
        Assert.Null(entry.Detail);
    }

    [Fact]
    public void Render_SentenceParameterMissing_ShortTitle()
    {
        var entry = TimelineEntry.Of(Tn, "e", At, "customer", TimelineCodes.EvidenceAdded, true, new Dictionary<string, string> { [P.Files] = "照片.jpg" });

        Assert.Equal("已添加证据", Renderer.Render(entry, CaseCulture.Chinese).Text);
    }

    [Theory]
    [InlineData("zh-CN", "已发送处理方案：退款 ¥599.00", "更换新机")]
    [InlineData("en", "Offer sent: Refund CN¥599.00", "更换新机")]
    public void Render_OfferSent_RemedyWithAmountAndTheDescriptionQuoted(string language, string text, string quote)
    {
        var entry = new TimelineEntry(Tn, "e", At, "system", TimelineCodes.OfferSent, "refund 599.00: 更换新机", true, TimelineParameters.Of(new Remedy(RemedyType.Refund, 599m, "更换新机")));

        var line = Renderer.Render(entry, CaseCulture.Of(language));

        Assert.Equal(text, line.Text);
        Assert.Equal(quote, line.Quote);
    }

    [Theory]
    [InlineData("zh-CN", "特殊情况：处理时限已延长，新的截止时间为 12月3日 24:00 前 (UTC+8)", "2026年11月23日 10:00 (UTC+8)", "王磊")]
    [InlineData("en", "Special case: the deadline is extended, now by the end of 3 December (UTC+8)", "23 November 2026, 10:00 (UTC+8)", "王磊")]
    public void Render_Extended_DeadlineTimeAndStaffName(string language, string text, string when, string actor)
    {
        var entry = new TimelineEntry(Tn, "e", At, "wang.lei", TimelineCodes.Extended, "special case", true,
            new Dictionary<string, string> { [P.Due] = TimelineParameters.Instant(new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc)), [P.Text] = "需要检测" });

        var line = Renderer.Render(entry, CaseCulture.Of(language));

        Assert.Equal((text, when, actor, "需要检测"), (line.Text, line.When, line.Actor, line.Quote));
    }

    [Theory]
    [InlineData("zh-CN", "received", "channel: web", "已受理", "客户")]
    [InlineData("en", "received", "channel: web", "Received", "Customer")]
    [InlineData("zh-CN", "executed", "reference EX-88231", "处理方案已执行", "客户")]
    [InlineData("zh-CN", "offer-declined", "太少了", "客户未接受处理方案", "客户")]
    [InlineData("zh-CN", "something-new", "x", "案件已更新", "客户")]
    public void Render_EntryStoredBeforeParameters_ShortTitleAndStoredDetail(string language, string code, string detail, string text, string actor)
    {
        var old = new TimelineEntry(Tn, "old", At, "customer", code, detail, true);

        var line = Renderer.Render(old, CaseCulture.Of(language));

        Assert.Equal((text, detail, actor), (line.Text, line.Quote, line.Actor));
    }

    [Fact]
    public async Task Complaint_HappyPathTimeline_ReadsInChineseWithoutCodes()
    {
        var harness = CaseHarness.Create(ComplaintHappyPathTests.Monday);
        await harness.SubmitAsync();
        await harness.RaiseAsync(WorkflowEvents.Findings, new FindingsSubmitted(Staff.Owner, "加热盘故障", ResponsibleParty.Company, "批次问题", new Remedy(RemedyType.Refund, 150m, "退款")));
        await harness.RaiseAsync(WorkflowEvents.CustomerResponse, new OfferResponse(true));
        await harness.RaiseAsync(WorkflowEvents.Execution, new ExecutionConfirmed(Staff.Owner, "RF-1"));
        await harness.AdvanceAsync(TimeSpan.FromDays(3));
        await harness.RaiseAsync(WorkflowEvents.Survey, new SurveyAnswered(5, "很满意"));
        var entries = await harness.Services.GetRequiredService<ITimelineStore>().ListAsync(harness.TrackingNumber, default);

        var lines = new TimelineText(new CaseTimes(TestCalendars.China), new StaffDirectory(StaffDirectoryOptions.Sample())).Render(entries, CaseCulture.Chinese);

        Assert.Equal(entries.Count, lines.Count);
        Assert.All(entries, e => Assert.NotNull(e.Parameters));
        Assert.All(lines, l => Assert.DoesNotMatch("[A-Za-z]{3,}", Regex.Replace(l.Text + l.Actor, "UTC|RF-1", "")));
        Assert.Contains(lines, l => l.Text == "已结案：已解决");
    }
}
