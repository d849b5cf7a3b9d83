using System.Text;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.LocalHost.Pages;

/// <summary>The action-link page's HTML for a handler result, shared by both hosts (the Functions app compiles this file too).</summary>
internal static class ActionPageView
{
    public static (int StatusCode, string Html) Render(ActionLinkResult result, string token, IReadOnlyDictionary<string, string>? values)
    {
        var zh = result.Record?.Details.Language != CaseLanguage.English;
        string T(string chinese, string english) => zh ? chinese : english;
        var body = new StringBuilder();
        body.Append($"<h1>{T("客户投诉中心", "Complaint centre")}</h1>");
        body.Append($"<p id=\"message\" class=\"{(result.StatusCode is 200 ? "ok" : "error")}\">{Html.E(Message(result.MessageKey, zh))}</p>");
        if (result.Record is { } record)
        {
            body.Append($"<p><strong>{Html.E(record.TrackingNumber)}</strong> · {Html.E(record.Details.Subject)}</p>");
            if (result.Record.Remedy is { } remedy && result.Claims?.Action is "approval" or "customer-response")
            {
                body.Append($"<p>{T("方案", "Proposal")}: {Html.E(remedy.Description)}{(remedy.Amount is { } a ? " (" + a.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + ")" : "")}</p>");
            }
        }

        foreach (var (field, messages) in result.Errors ?? new Dictionary<string, string[]>())
        {
            body.Append($"<p class=\"error\">{Html.E(field)}: {Html.E(string.Join(" ", messages))}</p>");
        }

        if (result.ShowForm && result.Claims is { } claims)
        {
            body.Append($"<form method=\"post\" action=\"/actions/{Html.E(token)}\">");
            body.Append(ActionForms.Fields(claims.Action, zh, values));
            body.Append("</form>");
        }

        return (result.StatusCode, Html.Page(T("处理", "Action"), body.ToString(), zh ? CaseLanguage.Chinese : CaseLanguage.English));
    }

    private static string Message(string key, bool zh) => (key, zh) switch
    {
        ("confirm", true) => "请确认以下操作。提交后生效，链接仅可使用一次。",
        ("confirm", false) => "Please confirm below. Nothing happens until you submit; the link works once.",
        ("done", true) => "已记录，谢谢。",
        ("done", false) => "Recorded. Thank you.",
        ("invalid-fields", true) => "请更正以下内容后再提交。",
        ("invalid-fields", false) => "Please correct the fields below and submit again.",
        ("expired", true) => "此链接已过期，未做任何更改。如需帮助请联系客户投诉中心。",
        ("expired", false) => "This link has expired; nothing was changed. Contact the complaint centre if you need help.",
        ("used", true) => "此链接已使用过，未做任何更改。",
        ("used", false) => "This link has already been used; nothing was changed.",
        ("wrong-actor", true) => "此链接不属于可执行此操作的人员，未做任何更改。",
        ("wrong-actor", false) => "This link was not issued to someone who may take this action; nothing was changed.",
        ("not-open", true) => "此步骤当前不可操作（可能已完成），未做任何更改。",
        ("not-open", false) => "This step is not open now (it may be done already); nothing was changed.",
        (_, true) => "链接无效，未做任何更改。",
        (_, false) => "This link is not valid; nothing was changed.",
    };
}
