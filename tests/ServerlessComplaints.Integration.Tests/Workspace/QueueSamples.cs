using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>Staff, a calendar, a fixed clock and cases for the staff queue tests.</summary>
internal static class QueueSamples
{
    public static readonly StaffMember LiLei = new("li.lei", "李雷", "li.lei@example.cn", "quality", StaffRole.Staff);
    public static readonly StaffMember HanMei = new("han.mei", "韩梅", "han.mei@example.cn", "quality", StaffRole.Staff);
    public static readonly StaffMember Supervisor = new("sun.qi", "孙琦", "sun.qi@example.cn", "quality", StaffRole.Supervisor);
    public static readonly StaffMember Manager = new("zhou.min", "周敏", "zhou.min@example.cn", "service", StaffRole.Manager);
    public static readonly StaffMember Porter = new("wu.gang", "吴刚", "wu.gang@example.cn", "delivery", StaffRole.Staff);

    /// <summary>Wednesday 18 March 2026, 10:00 in Shanghai.</summary>
    public static readonly DateTime Now = new(2026, 3, 18, 2, 0, 0, DateTimeKind.Utc);

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Saturday and Sunday off, no holidays, in Shanghai.</summary>
    public static readonly BusinessCalendar Calendar = new("XX", Shanghai, [DayOfWeek.Saturday, DayOfWeek.Sunday], [], []);

    public static TimeProvider Clock { get; } = new FixedClock(Now);

    public static ComplaintRecord Case(
        string subject = "电饭煲无法加热",
        string description = "买了两天就坏了。",
        string? owner = "li.lei",
        string? department = "quality",
        DateTime? due = null,
        DateTime? received = null,
        CaseStage stage = CaseStage.Investigation,
        int escalation = 0,
        ComplaintKind kind = ComplaintKind.Complaint,
        Category category = Category.ProductQuality,
        string? location = "浦东店",
        Customer? customer = null,
        bool closed = false)
    {
        var at = received ?? Now.AddDays(-1);
        return new ComplaintRecord(new ComplaintDetails(
            TrackingNumber.New(at, Shanghai), kind, category, Channel.Web, subject, description,
            customer ?? new Customer("王芳", "wang.fang@example.cn", "+86 138 0000 0000"), "zh-CN", at, location))
        {
            Stage = closed ? CaseStage.Closed : stage,
            OwnerId = owner,
            DepartmentId = department,
            DueAtUtc = due ?? Now.AddDays(2),
            EscalationLevel = escalation,
            ClosedAtUtc = closed ? Now.AddHours(-1) : null,
        };
    }

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }
}
