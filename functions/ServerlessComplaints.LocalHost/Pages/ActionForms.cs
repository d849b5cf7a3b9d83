using System.Text;

namespace ServerlessComplaints.LocalHost.Pages;

/// <summary>The form fields of each action link, labelled in the case's language.</summary>
internal static class ActionForms
{
    public static string Fields(string action, bool zh, IReadOnlyDictionary<string, string>? values)
    {
        string T(string chinese, string english) => zh ? chinese : english;
        string V(string name) => Html.E(values?.GetValueOrDefault(name));
        string Text(string name, string label, bool area = false) => area
            ? $"<label for=\"{name}\">{label}</label><textarea id=\"{name}\" name=\"{name}\" rows=\"4\">{V(name)}</textarea>"
            : $"<label for=\"{name}\">{label}</label><input id=\"{name}\" name=\"{name}\" value=\"{V(name)}\">";
        string Choice(string name, string label, params (string Value, string Text)[] options) =>
            $"<label for=\"{name}\">{label}</label><select id=\"{name}\" name=\"{name}\">" + string.Concat(options.Select(o => $"<option value=\"{o.Value}\">{o.Text}</option>")) + "</select>";
        string Remedy() =>
            Choice("remedy.type", T("处理方式", "Remedy"), ("refund", T("退款", "Refund")), ("exchange", T("换货", "Exchange")), ("repair", T("维修", "Repair")),
                ("compensation", T("补偿", "Compensation")), ("coupon", T("代金券", "Coupon")), ("apology", T("致歉", "Apology")), ("explanation", T("说明", "Explanation")))
            + Text("remedy.amount", T("金额（如涉及）", "Amount (where money moves)"))
            + Text("remedy.description", T("方案说明", "Description"), area: true);

        var html = new StringBuilder();
        html.Append(action switch
        {
            "findings" => Text("rootCause", T("根本原因", "Root cause"))
                + Choice("responsibleParty", T("责任方", "Responsible party"), ("company", T("公司", "Company")), ("staff", T("员工", "Staff")), ("customer", T("客户", "Customer")), ("third-party", T("第三方", "Third party")))
                + Text("facts", T("事实", "Facts"), area: true) + Remedy(),
            "answer" => Text("answer", T("答复", "Answer"), area: true),
            "review" => Choice("adopted", T("是否采纳", "Adopted"), ("true", T("采纳", "Yes")), ("false", T("不采纳", "No"))) + Text("reply", T("回复客户", "Reply"), area: true),
            "approval" => Choice("decision", T("审批", "Decision"), ("approve", T("批准", "Approve")), ("reject", T("驳回", "Reject"))) + Text("comment", T("意见", "Comment"), area: true),
            "offer" => Remedy(),
            "customer-response" => Choice("decision", T("您的选择", "Your answer"), ("accept", T("接受", "Accept")), ("decline", T("不接受", "Decline"))) + Text("comment", T("意见（可选）", "Comment (optional)"), area: true),
            "execute" => Text("reference", T("执行单号", "Reference number")),
            "survey" => Choice("rating", T("满意度 (1–5)", "Rating (1–5)"), ("5", "5"), ("4", "4"), ("3", "3"), ("2", "2"), ("1", "1")) + Text("comment", T("意见（可选）", "Comment (optional)"), area: true),
            _ => "",
        });
        html.Append($"<button type=\"submit\">{T("提交", "Submit")}</button>");
        return html.ToString();
    }
}
