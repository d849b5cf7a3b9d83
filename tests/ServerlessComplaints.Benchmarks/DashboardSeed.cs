using System.Globalization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// A year of a centre's cases for the dashboard benchmark: received evenly over 52 weeks from Monday 3 March 2025
/// (Shanghai), five departments, six categories, eight locations; 70 % complaints, 20 % inquiries, 10 % suggestions;
/// one in eight still open, the rest closed with outcomes, clocks met or missed, ratings, remedies and root causes.
/// </summary>
internal static class DashboardSeed
{
    public static readonly DateOnly FirstDay = new(2025, 3, 3);

    public static readonly string[] Departments = ["quality", "service", "delivery", "price", "facilities"];

    public static readonly string[] Locations = ["浦东店", "徐汇店", "静安店", "黄浦店", "长宁店", "闵行店", "online", "热线"];

    private static readonly string[] RootCauses =
    [
        "快递延误", "Courier late", "包装破损", "店员培训不足", "系统价格错误", "零件质量问题", "安装预约冲突", "库存数据不准",
        "Heating element faulty", "退款流程过长", "会员系统故障", "说明书不清楚",
    ];

    private static readonly CaseStage[] OpenStages = [CaseStage.Intake, CaseStage.Investigation, CaseStage.Approval, CaseStage.Resolution, CaseStage.Execution, CaseStage.FollowUp];

    private static readonly CaseOutcome[] Outcomes = [CaseOutcome.Resolved, CaseOutcome.Resolved, CaseOutcome.Resolved, CaseOutcome.NoReply, CaseOutcome.Dissatisfied, CaseOutcome.Declined, CaseOutcome.Withdrawn];

    public static ComplaintRecord Case(int index, int cases)
    {
        var random = new Random(index);
        var start = FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        var received = start.AddMinutes(364.0 * 24 * 60 * index / cases + random.Next(0, 30));
        var kind = random.NextDouble() switch { < 0.7 => ComplaintKind.Complaint, < 0.9 => ComplaintKind.Inquiry, _ => ComplaintKind.Suggestion };
        var details = new ComplaintDetails(
            $"CMP-{received:yyyyMMdd}-{index.ToString("X6", CultureInfo.InvariantCulture)}", kind, (Category)random.Next(6), Channel.Web,
            "subject", "description", new Customer("王芳", null, null), "zh-CN", received, Locations[random.Next(Locations.Length)]);
        var open = random.NextDouble() < 0.125;
        var extended = kind == ComplaintKind.Complaint && random.NextDouble() < 0.05;
        var due = received.AddDays(extended ? 30 : kind == ComplaintKind.Complaint ? 7 : 3);
        var responded = open && random.NextDouble() < 0.5 ? (DateTime?)null : received.AddHours(random.Next(1, 24 * 20));
        var record = new ComplaintRecord(details)
        {
            Stage = open ? OpenStages[random.Next(OpenStages.Length)] : CaseStage.Archived,
            DepartmentId = Departments[random.Next(Departments.Length)],
            DueAtUtc = due,
            Extended = extended,
            EscalationLevel = random.NextDouble() switch { < 0.03 => 2, < 0.12 => 1, _ => 0 },
            RespondedAtUtc = responded,
            ResponseDueAtUtc = responded is null ? null : due,
        };
        if (kind == ComplaintKind.Complaint && responded is not null)
        {
            var remedy = new Remedy((RemedyType)random.Next(7), random.Next(0, 3) == 0 ? null : random.Next(10, 2000), "remedy");
            record = record with
            {
                Findings = new FindingsSubmitted("staff", RootCauses[random.Next(RootCauses.Length)], (ResponsibleParty)random.Next(4), "facts", remedy),
                Remedy = remedy,
                ExecutionReference = open ? null : "X" + index.ToString(CultureInfo.InvariantCulture),
            };
        }

        return open ? record : record with
        {
            Outcome = kind == ComplaintKind.Suggestion ? CaseOutcome.Reviewed : Outcomes[random.Next(Outcomes.Length)],
            SurveyRating = kind == ComplaintKind.Suggestion || random.NextDouble() < 0.2 ? null : random.Next(1, 6),
            ReopenCount = random.NextDouble() < 0.06 ? 1 : 0,
            ClosedAtUtc = received.AddDays(25),
        };
    }
}
