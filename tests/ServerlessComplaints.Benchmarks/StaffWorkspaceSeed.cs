using System.Globalization;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Benchmarks;

/// <summary>
/// The open cases of a centre for the staff workspace benchmark: five departments of ten staff, cases spread evenly
/// over owners, received over the last 30 days, a mix of Chinese (and some English) complaints. One case in a hundred
/// is about seat heating (<c>加热</c>); one customer has <see cref="RepeatCases"/> cases.
/// </summary>
internal static class StaffWorkspaceSeed
{
    public const int StaffPerDepartment = 10;
    public const int RepeatCases = 5;
    public const string ChineseQuery = "加热";
    public const string RepeatEmail = "li.na@example.com";

    public static readonly string[] Departments = ["quality", "service", "delivery", "price", "facilities"];

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly (string Subject, string Description)[] Topics =
    [
        ("快递三天未送达", "订单显示已发货三天，物流信息一直没有更新，客服电话也打不通。"),
        ("门店服务态度差", "在门店咨询退货流程时，店员态度冷淡，不愿意解释，还让我自己上网查。"),
        ("收到的商品有划痕", "打开包装发现外壳有明显划痕，要求换一台新的。"),
        ("价格与宣传不符", "活动页面标价199元，结算时变成了259元，客服说是系统问题。"),
        ("空调制冷效果差", "新买的空调开了两个小时房间还是很热，师傅来看过也没解决。"),
        ("退款迟迟未到账", "申请退款已经十天，款项还没有退回到银行卡。"),
        ("会员积分被清零", "账户里的积分突然被清零，没有收到任何通知。"),
        ("安装师傅迟到", "预约上午九点安装，师傅下午三点才到，也没有提前打电话。"),
        ("发票开错抬头", "发票抬头写错了公司名称，需要重新开具并寄回。"),
        ("停车场收费不合理", "在商场消费满额仍被收取停车费，服务台说规定改了。"),
        ("洗衣机噪音太大", "洗衣机脱水时噪音很大，像要散架一样，邻居都来敲门。"),
        ("电视屏幕出现坏点", "使用一周后屏幕中间出现几个亮点，影响观看。"),
        ("Parcel left outside in the rain", "The courier left the parcel at the gate in the rain and the box was soaked through."),
        ("Wrong size delivered", "I ordered a medium jacket and received a large one; the exchange form does not work."),
    ];

    private static readonly (string Subject, string Description) SeatHeating = ("座椅加热不工作", "汽车座椅加热功能打开后没有反应，仪表盘也没有任何提示。");

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] GivenNames = ["芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟"];

    public static StaffMember Staff(int department, int member) =>
        new($"{Departments[department]}-{member.ToString("D2", CultureInfo.InvariantCulture)}", "Staff", "staff@example.cn", Departments[department], StaffRole.Staff);

    public static StaffMember Supervisor(int department) => new($"{Departments[department]}-sup", "Supervisor", "sup@example.cn", Departments[department], StaffRole.Supervisor);

    public static StaffMember Manager => new("service-mgr", "Manager", "mgr@example.cn", "service", StaffRole.Manager);

    /// <summary>The repeat customer's cases: one in each fifth of the indexes.</summary>
    public static bool IsRepeat(int index, int cases) => index % Step(cases) == 11 % Step(cases) && index / Step(cases) < RepeatCases;

    /// <summary>The repeat customer's newest case: the one the case page benchmark opens.</summary>
    public static int DetailIndex(int cases) => (11 % Step(cases)) + (Step(cases) * (RepeatCases - 1));

    private static int Step(int cases) => Math.Max(1, cases / RepeatCases);

    public static ComplaintRecord Case(int index, int cases, DateTime nowUtc)
    {
        var random = new Random(index);
        var department = index % Departments.Length;
        var owner = Staff(department, index / Departments.Length % StaffPerDepartment);

        // Later indexes are newer, so the repeat customer's last case is their newest.
        var received = nowUtc.AddMinutes(-30 * 24 * 60 * (1 - ((double)index / cases)) - random.Next(0, 60));
        var topic = index % 100 == 7 ? SeatHeating : Topics[random.Next(Topics.Length)];
        var customer = IsRepeat(index, cases)
            ? new Customer("Li Na", RepeatEmail, "+86 139 0000 1111")
            : new Customer(Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                $"customer{index.ToString(CultureInfo.InvariantCulture)}@example.cn", "139" + index.ToString("D8", CultureInfo.InvariantCulture));
        var details = new ComplaintDetails(
            TrackingNumber.New(received, Shanghai), ComplaintKind.Complaint, (Category)(department % 6), Channel.Web,
            topic.Subject, topic.Description, customer, "zh-CN", received, "浦东店");
        var escalation = random.NextDouble() switch { < 0.03 => 2, < 0.12 => 1, _ => 0 };
        return new ComplaintRecord(details)
        {
            Stage = CaseStage.Investigation,
            DepartmentId = owner.Department,
            OwnerId = owner.Id,
            DueAtUtc = received.AddDays(3 + random.Next(0, 4)),
            EscalationLevel = escalation,
        };
    }

    public static TimelineEntry Entry(string trackingNumber, int index, DateTime receivedAtUtc) => TimelineEntry.Of(
        trackingNumber, $"{trackingNumber}-bench-{index.ToString("D3", CultureInfo.InvariantCulture)}", receivedAtUtc.AddMinutes(index), "bench",
        TimelineCodes.StaffEmailNote, index % 2 == 0, new Dictionary<string, string> { [TimelineParameters.Text] = "电话回访客户，客户表示会等待处理结果。" });
}
