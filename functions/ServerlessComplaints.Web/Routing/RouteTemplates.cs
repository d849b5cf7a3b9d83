namespace ServerlessComplaints.Web.Routing;

/// <summary>
/// The route table's templates as constants, so the Functions app's trigger attributes name the same text
/// (routePrefix is "" in host.json; no leading slash).
/// </summary>
public static class RouteTemplates
{
    /// <summary>The site root: Functions cannot declare an empty route; an optional empty segment matches "/" only.</summary>
    public const string Root = "{root:maxlength(0)?}";
    public const string FormScript = "assets/form.js";
    public const string StatusPage = "status/{trackingNumber}";
    public const string Recourse = "status/{trackingNumber}/{step}";
    public const string Confirmation = "submitted/{trackingNumber}";
    public const string Lookup = "lookup";
    public const string Complaints = "api/complaints";
    public const string Complaint = "api/complaints/{trackingNumber}";
    public const string ActionLink = "actions/{token}";
    public const string Evidence = "evidence/{token}";
    public const string InboundEmail = "api/inbound-email";
    public const string StaffComplaints = "api/staff/complaints";
    public const string StaffComplaint = "api/staff/complaints/{trackingNumber}";
    public const string StaffCaseAction = "api/staff/complaints/{trackingNumber}/{action}";
    public const string StaffHome = "staff";
    public const string StaffSignIn = "staff/sign-in";
    public const string StaffSignOut = "staff/sign-out";
    public const string StaffOrganisationSignIn = "staff/sign-in/organisation";
    public const string StaffPlatformSignIn = "staff/sign-in/platform";
    public const string StaffCase = "staff/cases/{trackingNumber}";
    public const string StaffCasePost = "staff/cases/{trackingNumber}/{action}";
    public const string StaffReassign = "staff/reassign";
    public const string StaffDashboard = "staff/dashboard";
    public const string StaffDashboardApi = "api/staff/dashboard";
    public const string ChartsScript = "assets/vendor/echarts.min.js";
    public const string DashboardScript = "assets/dashboard.js";
    public const string StaffQueueExport = "staff/exports/queue";
    public const string StaffClosedExport = "staff/exports/closed";
    public const string StaffDashboardExport = "staff/exports/dashboard";
    public const string Health = "healthz";
}
