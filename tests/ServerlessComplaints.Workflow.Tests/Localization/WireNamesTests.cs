using System.Text.Json;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Tests.Localization;

public sealed class WireNamesTests
{
    private static readonly ComplaintDetails Details = new(
        "CMP-20261121-0001", ComplaintKind.Complaint, Category.ProductQuality, Channel.Web, "电饭煲无法加热", "使用两天后无法加热",
        new Customer("王芳", "wang.fang@example.cn", null), "zh-CN", new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc));

    public static TheoryData<CaseStage> Stages => [.. Enum.GetValues<CaseStage>()];

    public static TheoryData<CaseOutcome> Outcomes => [.. Enum.GetValues<CaseOutcome>()];

    [Fact]
    public void Of_EveryStageOutcomeAndClock_TheNamesTheWireCarriedAsStrings()
    {
        var stages = Enum.GetValues<CaseStage>().Select(WireNames.Of);
        var outcomes = Enum.GetValues<CaseOutcome>().Select(WireNames.Of);
        var clocks = Enum.GetValues<DeadlineClock>().Select(WireNames.Of);

        Assert.Equal(["unknown", "intake", "investigation", "approval", "resolution", "execution", "follow-up", "closed", "archived", "failed"], stages);
        Assert.Equal(["unknown", "resolved", "no-reply", "dissatisfied", "no-response", "declined", "reviewed", "withdrawn", "terminated"], outcomes);
        Assert.Equal(["response", "offer-answer", "execution", "follow-up", "survey"], clocks);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void Json_EveryStage_WrittenAsItsWireNameAndReadBack(CaseStage stage)
    {
        var json = JsonSerializer.Serialize(new CaseStatus(stage, null, 0, "zhang.wei"), WorkflowJson.Options);
        var read = WorkflowJson.Deserialize<CaseStatus>(json);

        Assert.Equal($"{{\"stage\":\"{WireNames.Of(stage)}\",\"escalationLevel\":0,\"owner\":\"zhang.wei\"}}", json);
        Assert.Equal(stage, read?.Stage);
        Assert.True(WireNames.TryParse<CaseStage>(WireNames.Of(stage), out var parsed));
        Assert.Equal(stage, parsed);
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Json_EveryOutcome_WrittenAsItsWireNameAndReadBack(CaseOutcome outcome)
    {
        var record = new ComplaintRecord(Details) { Stage = CaseStage.Archived, Outcome = outcome };

        var json = JsonSerializer.Serialize(record, WorkflowJson.Options);
        var read = JsonSerializer.Deserialize<ComplaintRecord>(json, WorkflowJson.Options);

        Assert.Contains($"\"stage\":\"archived\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"outcome\":\"{WireNames.Of(outcome)}\"", json, StringComparison.Ordinal);
        Assert.Equal(outcome, read?.Outcome);
    }

    [Fact]
    public void Json_AStatusWrittenByAnEarlierRelease_ReadsTheSameStage()
    {
        const string Recorded = "{\"stage\":\"follow-up\",\"dueAtUtc\":\"2026-11-26T10:00:00Z\",\"escalationLevel\":1,\"owner\":\"zhang.wei\"}";

        var status = WorkflowJson.Deserialize<CaseStatus>(Recorded);

        Assert.Equal(CaseStage.FollowUp, status?.Stage);
        Assert.Equal(Recorded, JsonSerializer.Serialize(status, WorkflowJson.Options));
    }

    [Fact]
    public void Json_NamesThisReleaseDoesNotKnow_ReadAsUnknownInsteadOfFailing()
    {
        var record = JsonSerializer.Serialize(new ComplaintRecord(Details) { Outcome = CaseOutcome.Resolved }, WorkflowJson.Options)
            .Replace("\"stage\":\"intake\"", "\"stage\":\"mediation\"", StringComparison.Ordinal)
            .Replace("\"outcome\":\"resolved\"", "\"outcome\":\"mediated\"", StringComparison.Ordinal);

        var read = JsonSerializer.Deserialize<ComplaintRecord>(record, WorkflowJson.Options);
        var status = WorkflowJson.Deserialize<CaseStatus>("{\"stage\":\"mediation\",\"escalationLevel\":0}");

        Assert.Equal(CaseStage.Unknown, read?.Stage);
        Assert.Equal(CaseOutcome.Unknown, read?.Outcome);
        Assert.Equal(CaseStage.Unknown, status?.Stage);
    }

    [Theory]
    [InlineData("Follow-Up")]
    [InlineData("FollowUp")]
    [InlineData("6")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotAWireName_False(string? name)
    {
        var parsed = WireNames.TryParse<CaseStage>(name, out var stage);

        Assert.False(parsed);
        Assert.Equal(CaseStage.Unknown, stage);
    }

    [Fact]
    public void Json_AStageAsANumber_IsRefused()
    {
        Assert.Throws<JsonException>(() => WorkflowJson.Deserialize<CaseStatus>("{\"stage\":6,\"escalationLevel\":0}"));
    }
}
