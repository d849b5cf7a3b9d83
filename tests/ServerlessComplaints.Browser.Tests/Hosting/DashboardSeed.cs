using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>
/// A dashboard worth looking at: 160 cases over the last twelve weeks written to the service's own store (which keeps
/// the aggregates), in every kind, stage, category, three locations, departments, with answers in and out of time,
/// remedies, ratings and root causes. Seeded once per run.
/// </summary>
internal static class DashboardSeed
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    public static async Task EnsureAsync(BrowserFixture fixture)
    {
        await Once.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await SeedAsync(fixture.Services);
                _seeded = true;
            }
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IComplaintStore>();
        var zone = services.GetRequiredService<BusinessCalendar>().TimeZone;
        var start = DateTime.UtcNow.AddDays(-82);
        string?[] locations = ["北京朝阳门店", "上海浦东店", "北京朝阳门店", "广州天河店", null];
        string[] departments = ["quality", "service", "logistics", "finance", "facilities", "general"];
        string[] causes = ["加热元件故障", "配送延误", "包装破损", "加热元件故障", "价签错误", "员工态度"];
        CaseStage[] stages = [CaseStage.Closed, CaseStage.Investigation, CaseStage.Closed, CaseStage.Approval, CaseStage.Archived, CaseStage.Resolution, CaseStage.Closed, CaseStage.FollowUp, CaseStage.Execution, CaseStage.Intake];
        var random = new Random(15);
        await Parallel.ForEachAsync(Enumerable.Range(0, 160), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            int Draw(int n)
            {
                lock (random)
                {
                    return random.Next(n);
                }
            }

            var received = start.AddHours(i * 12.2 + Draw(10));
            var kind = Draw(10) switch { < 6 => ComplaintKind.Complaint, < 9 => ComplaintKind.Inquiry, _ => ComplaintKind.Suggestion };
            var stage = stages[Draw(stages.Length)];
            var closed = stage is CaseStage.Closed or CaseStage.Archived;
            var category = (Category)Draw(6);
            var responded = stage is CaseStage.Intake or CaseStage.Investigation ? (DateTime?)null : received.AddHours(2 + Draw(140));
            var record = new ComplaintRecord(new ComplaintDetails(
                TrackingNumber.New(received, zone), kind, category, Channel.Web, "电水壶漏水", "电水壶底部漏水。",
                new Customer("测试客户", "seed@example.cn", null), "zh-CN", received, Location: locations[Draw(locations.Length)]))
            {
                Stage = stage,
                DepartmentId = departments[(int)category],
                DueAtUtc = received.AddDays(3),
                EscalationLevel = Draw(10) switch { < 7 => 0, < 9 => 1, _ => 2 },
                Extended = Draw(8) == 0,
                ReopenCount = closed && Draw(6) == 0 ? 1 : 0,
                Findings = kind == ComplaintKind.Complaint && responded is not null ? new FindingsSubmitted("zhang.wei", causes[Draw(causes.Length)], (ResponsibleParty)Draw(4), "事实", new Remedy(RemedyType.Refund, 100m, "退款")) : null,
                Remedy = closed && kind == ComplaintKind.Complaint ? new Remedy((RemedyType)Draw(7), Draw(3) == 0 ? null : 50m * (1 + Draw(8)), "补救") : null,
                ExecutionReference = closed && kind == ComplaintKind.Complaint ? "EXEC-" + i : null,
                RespondedAtUtc = responded,
                ResponseDueAtUtc = responded is null ? null : received.AddDays(3),
                SurveyRating = closed && Draw(4) > 0 ? 1 + Draw(5) : null,
                Outcome = closed ? (CaseOutcome)(1 + Draw(Enum.GetValues<CaseOutcome>().Length - 1)) : null,
                ClosedAtUtc = closed ? received.AddDays(5) : null,
            };
            await store.TryAddAsync(record, token);
        });
    }
}
