using System.Text.Json;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>Complaint records for the storage tests: a minimal one and one with every field set.</summary>
internal static class StorageSamples
{
    private const string LongText = "电饭煲使用两天后无法加热，客服说要等一周。";

    public static readonly DateTime ReceivedAtUtc = new(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc);

    public static string NewTrackingNumber(DateTime? receivedAtUtc = null) =>
        TrackingNumber.New(receivedAtUtc ?? ReceivedAtUtc, TimeZoneInfo.Utc);

    public static ComplaintRecord Minimal(
        string? trackingNumber = null,
        Customer? customer = null,
        DateTime? receivedAtUtc = null,
        ComplaintKind kind = ComplaintKind.Complaint,
        Category category = Category.ProductQuality) =>
        new(new ComplaintDetails(
            trackingNumber ?? NewTrackingNumber(receivedAtUtc),
            kind,
            category,
            Channel.Web,
            "电饭煲无法加热",
            "买了两天就坏了。",
            customer ?? new Customer("王芳", "wang.fang@example.cn", "+86 138 0000 0000"),
            "zh-CN",
            receivedAtUtc ?? ReceivedAtUtc));

    /// <summary>Every field set, with a description long enough that the JSON needs several chunks.</summary>
    public static ComplaintRecord Full()
    {
        var remedy = new Remedy(RemedyType.Refund, 299.50m, "全额退款");
        var details = Minimal().Details with
        {
            Channel = Channel.Email,
            Description = new string([.. Enumerable.Range(0, 10_000).Select(i => LongText[i % LongText.Length])]),
            Location = "浦东店",
            OrderReference = "SO-88231",
            OccurredAt = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(8)),
            DesiredRemedy = RemedyType.Exchange,
            EvidenceBlobNames = ["CMP-20261121-7K3M9Q/0a1b2c3d-发票.png"],
            LoggedBy = "staff-007",
        };
        return new ComplaintRecord(details)
        {
            Stage = CaseStage.Closed,
            Urgency = Urgency.Urgent,
            AssessmentReasons = ["keyword: 安全", "repeat customer"],
            DepartmentId = "quality",
            OwnerId = "li.lei",
            DueAtUtc = new DateTime(2026, 11, 26, 9, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567),
            EscalationLevel = 2,
            Extended = true,
            ReopenCount = 1,
            Findings = new FindingsSubmitted("li.lei", "加热元件故障", ResponsibleParty.Company, "批次 B-17 的加热元件有缺陷。", remedy),
            Remedy = remedy,
            Reply = "我们已安排退款。",
            ExecutionReference = "RF-2026-0042",
            SurveyRating = 4,
            SurveyComment = "处理及时",
            Outcome = CaseOutcome.Resolved,
            ClosedAtUtc = new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc),
            RetainUntilUtc = new DateTime(2029, 11, 28, 0, 0, 0, DateTimeKind.Utc),
            LegalHold = true,
        };
    }

    /// <summary>Records hold lists, so compare what would be stored: their JSON.</summary>
    public static string Json(ComplaintRecord? record) => JsonSerializer.Serialize(record, WorkflowJson.Options);
}
