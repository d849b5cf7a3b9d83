using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Tests.Assessment;

public sealed class InitialAssessmentTests
{
    private readonly InitialAssessment _assessment = new(new AssessmentOptions());

    private static ComplaintDetails Case(ComplaintKind kind, string subject, string description = "") => new(
        "C-20250101-0001", kind, Category.ProductQuality, Channel.Web, subject, description,
        new Customer("李雷", "li.lei@example.cn", null), CaseLanguage.Chinese, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Theory]
    [InlineData(ComplaintKind.Complaint, Urgency.Normal)]
    [InlineData(ComplaintKind.Inquiry, Urgency.Normal)]
    [InlineData(ComplaintKind.Suggestion, Urgency.Low)]
    public void Assess_NoKeywordNoRepeat_BaseUrgencyByKind(ComplaintKind kind, Urgency expected)
    {
        var details = Case(kind, "Late parcel", "The parcel arrived two days late.");

        var result = _assessment.Assess(details, 0);

        Assert.Equal(expected, result.Urgency);
        Assert.Empty(result.Reasons);
        Assert.Empty(result.MatchedKeywords);
        Assert.False(result.IsRepeat);
    }

    [Theory]
    [InlineData("电热水壶起火", "起火")]
    [InlineData("孩子吃了以后食物中毒，呕吐不止", "食物中毒")]
    [InlineData("插座漏电", "漏电")]
    [InlineData("手被烧伤了", "烧伤")]
    [InlineData("顾客在店内受伤", "受伤")]
    [InlineData("Fire!", "fire")]
    [InlineData("The kettle caught FIRE yesterday", "fire")]
    [InlineData("My son got food poisoning", "food poisoning")]
    [InlineData("I got an electric   shock from the charger", "electric shock")]
    [InlineData("She was injured by the door", "injured")]
    [InlineData("Two fires in one week", "fire")]
    [InlineData("ＦＩＲＥ in the store", "fire")]
    [InlineData("洗衣机fire了", "fire")]
    public void Assess_UrgentKeyword_IsUrgentWithReason(string subject, string keyword)
    {
        var details = Case(ComplaintKind.Complaint, subject);

        var result = _assessment.Assess(details, 0);

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Contains(keyword, result.MatchedKeywords);
        Assert.Contains($"safety/health keyword: {keyword}", result.Reasons);
    }

    [Fact]
    public void Assess_KeywordInDescriptionOnly_IsUrgent()
    {
        var details = Case(ComplaintKind.Suggestion, "关于门店的建议", "门口台阶太滑，有安全隐患");

        var result = _assessment.Assess(details, 0);

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal(["安全"], result.MatchedKeywords);
    }

    [Theory]
    [InlineData("Firefly lamp stopped working")]
    [InlineData("The fireplace was cold")]
    [InlineData("Smokey the bear toy is missing an ear")]
    [InlineData("I was unhurt but annoyed")]
    [InlineData("Nonsick leave question")]
    [InlineData("订单延迟发货")]
    [InlineData("服务态度很差")]
    public void Assess_NoWholeKeyword_StaysNormal(string subject)
    {
        var details = Case(ComplaintKind.Complaint, subject);

        var result = _assessment.Assess(details, 0);

        Assert.Equal(Urgency.Normal, result.Urgency);
        Assert.Empty(result.MatchedKeywords);
    }

    [Fact]
    public void Assess_KeywordInsideLongerMatch_ReportsOnlyTheLonger()
    {
        var details = Case(ComplaintKind.Complaint, "食物中毒", "Food poisoning after lunch");

        var result = _assessment.Assess(details, 0);

        Assert.Equal(["food poisoning", "食物中毒"], result.MatchedKeywords);
    }

    [Fact]
    public void Assess_CustomKeywords_ReplaceDefaults()
    {
        var assessment = new InitialAssessment(new AssessmentOptions { UrgentKeywords = ["gas leak", "煤气"] });

        var leak = assessment.Assess(Case(ComplaintKind.Complaint, "Gas leak at the counter"), 0);
        var fire = assessment.Assess(Case(ComplaintKind.Complaint, "Fire!"), 0);

        Assert.Equal(Urgency.Urgent, leak.Urgency);
        Assert.Equal(Urgency.Normal, fire.Urgency);
    }

    [Theory]
    [InlineData(ComplaintKind.Suggestion, Urgency.Normal)]
    [InlineData(ComplaintKind.Complaint, Urgency.Urgent)]
    [InlineData(ComplaintKind.Inquiry, Urgency.Urgent)]
    public void Assess_Repeat_RaisesOneLevel(ComplaintKind kind, Urgency expected)
    {
        var details = Case(kind, "Late parcel again");

        var result = _assessment.Assess(details, 2);

        Assert.Equal(expected, result.Urgency);
        Assert.True(result.IsRepeat);
        Assert.Equal(["repeat complaint"], result.Reasons);
    }

    [Fact]
    public void Assess_RepeatOfUrgentCase_StaysUrgent()
    {
        var details = Case(ComplaintKind.Complaint, "又冒烟了");

        var result = _assessment.Assess(details, 1);

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal(["safety/health keyword: 冒烟", "repeat complaint"], result.Reasons);
    }

    [Fact]
    public void Assess_NegativePriorCount_Throws()
    {
        var details = Case(ComplaintKind.Complaint, "Late parcel");

        var act = () => _assessment.Assess(details, -1);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Theory]
    [InlineData(Urgency.Low, Urgency.Normal)]
    [InlineData(Urgency.Normal, Urgency.Urgent)]
    [InlineData(Urgency.Urgent, Urgency.Urgent)]
    public void Raise_EachLevel_OneUpCappedAtUrgent(Urgency from, Urgency expected)
    {
        var raised = InitialAssessment.Raise(from);

        Assert.Equal(expected, raised);
    }
}
