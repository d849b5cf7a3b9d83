using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;
using QueueResult = ServerlessComplaints.Workflow.Workspace.StaffQueuePage;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// The staff queue's samples (the sign-in page's are with the others): for every role and scope, with rows at every
/// SLA risk (and without a deadline, unassigned, escalated, urgent), empty, filtered and empty, every kind of bad
/// value, a forbidden scope, a bulk reassign's answer and paging.
/// </summary>
internal static partial class PageSamples
{
    /// <summary>A directory member by id (the sample directory: zhang.wei staff, wang.lei supervisor, li.na manager, gao.feng centre head).</summary>
    public static StaffMember Member(string id) => new StaffDirectory(StaffDirectoryOptions.Sample()).Get(id);

    /// <summary>A queue row at <paramref name="risk"/>: its working time left and due time to match.</summary>
    public static StaffQueueRow QueueRow(string lang, int n, SlaRisk risk, string? owner = "zhang.wei", int escalation = 0, Urgency urgency = Urgency.Normal)
    {
        var (left, used) = risk switch
        {
            SlaRisk.OnTrack => (TimeSpan.FromHours(51), 0.2),
            SlaRisk.PastHalf => (TimeSpan.FromHours(27), 0.6),
            SlaRisk.Past80 => (TimeSpan.FromMinutes(40), 0.95),
            SlaRisk.Overdue => (-TimeSpan.FromHours(5), 1.1),
            _ => (TimeSpan.Zero, 0d),
        };
        var zh = lang == CaseLanguage.Chinese;
        return new StaffQueueRow(
            $"CMP-20261123-{n:D6}", n % 3 == 0 ? ComplaintKind.Inquiry : ComplaintKind.Complaint, (Category)(n % 6),
            zh ? "电饭煲无法加热" : "Rice cooker stopped heating", zh ? "王芳" : "Emily Chen", n % 2 == 0 ? (zh ? "北京朝阳门店" : "Beijing Chaoyang store") : null,
            risk == SlaRisk.None ? CaseStage.Closed : CaseStage.Investigation, owner, "quality", escalation, urgency,
            Received, risk == SlaRisk.None ? null : Received.AddDays(3), new SlaCountdown(risk, left, used));
    }

    private static void AddStaffSamples(Dictionary<string, Sample> samples)
    {
        AddDashboardSamples(samples);
        foreach (var id in new[] { "zhang.wei", "wang.lei", "li.na", "gao.feng" })
        {
            var scope = id == "zhang.wei" ? "department" : id == "wang.lei" ? null : "all";
            samples[$"staff-queue-{id}-every-risk"] = Queue(id, Query(("scope", scope)), lang => QueueAnswer(lang, hasMore: true, page: 2));
            samples[$"staff-queue-{id}-empty"] = Queue(id, Query(("scope", scope)), _ => new QueueResult([], 1, 25, false, 0));
        }

        samples["staff-queue-filtered-empty"] = Queue("li.na", Query(("scope", "all"), ("q", "加热"), ("stage", "approval"), ("department", "quality"), ("overdue", "yes"), ("from", "2026-11-01")), _ => new QueueResult([], 1, 25, false, 0));
        samples["staff-queue-every-error"] = Queue("li.na", Query(
            ("scope", "all"), ("q", new string('长', 201)), ("stage", "unknown"), ("kind", "complaints"), ("category", "food"), ("location", new string('x', 201)), ("department", "nowhere"),
            ("owner", "nobody"), ("overdue", "maybe"), ("escalated", "2"), ("from", "2026-13-01"), ("to", "yesterday"), ("sort", "owner"), ("page", "0")), _ => null);
        samples["staff-queue-error-range-and-scope"] = Queue("wang.lei", Query(("scope", "everyone"), ("from", "2026-11-30"), ("to", "2026-11-01"), ("page", "x")), _ => null);
        samples["staff-queue-forbidden"] = Queue("zhang.wei", Query(("scope", "all")), _ => null, forbidden: true);
        foreach (var (reassigned, refused) in new[] { ("1", "0"), ("3", "1"), ("0", "2") })
        {
            samples[$"staff-queue-reassigned-{reassigned}-{refused}"] = Queue("wang.lei", Query(("scope", "department"), ("reassigned", reassigned), ("refused", refused)), lang => QueueAnswer(lang));
        }
    }

    private static QueueResult QueueAnswer(string lang, bool hasMore = false, int page = 1) => new(
        [
            QueueRow(lang, 1, SlaRisk.Overdue, escalation: 2, urgency: Urgency.Urgent), QueueRow(lang, 2, SlaRisk.Past80, escalation: 1),
            QueueRow(lang, 3, SlaRisk.PastHalf, owner: "wang.lei"), QueueRow(lang, 4, SlaRisk.OnTrack, owner: null), QueueRow(lang, 5, SlaRisk.None, owner: "retired.id"),
        ],
        page, 25, hasMore, 5);

    private static Dictionary<string, StringValues> Query(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => new StringValues(f.Value), StringComparer.Ordinal);

    private static Sample Queue(string staffId, Dictionary<string, StringValues> query, Func<string, QueueResult?> result, bool forbidden = false) =>
        Of<ServerlessComplaints.Web.Pages.StaffQueuePage>((lang, services) => new
        {
            Lang = lang,
            Staff = Member(staffId),
            Antiforgery,
            Query = StaffQueueQuery.Read(new QueryCollection(query), services.GetRequiredService<StaffDirectory>()),
            Result = result(lang),
            Forbidden = forbidden,
        });
}
