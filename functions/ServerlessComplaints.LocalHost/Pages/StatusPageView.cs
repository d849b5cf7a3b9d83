using System.Globalization;
using System.Text;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.LocalHost.Pages;

/// <summary>The customer's status page HTML, shared by both hosts (the Functions app compiles this file too).</summary>
internal static class StatusPageView
{
    public static string Render(PublicCaseView view, TimeZoneInfo zone)
    {
        var zh = view.Language == CaseLanguage.Chinese;
        string T(string chinese, string english) => zh ? chinese : english;
        string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html.E(view.Kind)} {Html.E(view.TrackingNumber)}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p><strong>{Html.E(view.Subject)}</strong></p><table>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>{T("当前阶段", "Stage")}</th><td id=\"stage\">{Html.E(view.Stage)}</td></tr>");
        body.Append(CultureInfo.InvariantCulture, $"<tr><th>{T("受理时间", "Received")}</th><td>{Local(view.ReceivedAtUtc)}</td></tr>");
        if (view.DueAtUtc is { } due)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><th>{T("答复期限", "Due by")}</th><td>{Local(due)}</td></tr>");
        }

        if (view.Outcome is { } outcome)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><th>{T("结果", "Outcome")}</th><td>{Html.E(outcome)}</td></tr>");
        }

        body.Append(CultureInfo.InvariantCulture, $"</table><h2>{T("处理记录", "Timeline")}</h2><table>");
        foreach (var entry in view.Timeline)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Local(entry.AtUtc)}</td><td>{Html.E(entry.Actor)}</td><td>{Html.E(entry.Action)}</td><td>{Html.E(entry.Detail)}</td></tr>");
        }

        body.Append(CultureInfo.InvariantCulture, $"</table><p class=\"note\">{T("如超过答复期限仍未处理，案件会自动升级至部门经理及投诉中心负责人；您也可以回复受理邮件。", "If we miss the deadline, the case is escalated automatically to the department manager and the complaint-centre head; you can also reply to the acknowledgement email.")}</p>");
        return Html.Page(view.TrackingNumber, body.ToString(), view.Language);
    }
}
