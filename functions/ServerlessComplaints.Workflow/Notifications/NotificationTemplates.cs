using System.Text;
using System.Text.RegularExpressions;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// Mail templates in zh-CN and en, rendered as text and HTML. Placeholders in braces come from the data of the request
/// plus {trackingNumber}, {subject}, {due}, {kind} and {category}; an unknown placeholder is left visible. Values are
/// inserted once and encoded in HTML; only the product's own links become anchors.
/// </summary>
public static partial class NotificationTemplates
{
    private static readonly Dictionary<NotificationKind, (string ZhSubject, string ZhBody, string EnSubject, string EnBody)> Templates = new()
    {
        [NotificationKind.Acknowledgement] = ("您的{kind}已受理：{trackingNumber}", "您好，我们已收到您的{kind}“{subject}”。受理编号：{trackingNumber}。我们将在 {due} 前给您答复。查看进度：{statusUrl}",
            "We received your {kind}: {trackingNumber}", "Hello, we have received your {kind} \"{subject}\". Tracking number: {trackingNumber}. We will respond by {due}. Follow its progress: {statusUrl}"),
        [NotificationKind.Assignment] = ("新案件待处理：{trackingNumber}", "案件 {trackingNumber}“{subject}”（{category}，紧急程度：{urgency}）已分派给您，请于 {due} 前处理。{actionUrl}",
            "New case assigned: {trackingNumber}", "Case {trackingNumber} \"{subject}\" ({category}, urgency: {urgency}) is assigned to you. Due by {due}. {actionUrl}"),
        [NotificationKind.Reminder] = ("提醒：案件 {trackingNumber} 已用时 {percent}%", "案件 {trackingNumber} 的处理时限已过 {percent}%，截止时间 {due}。{actionUrl}",
            "Reminder: case {trackingNumber} is {percent}% through its time", "Case {trackingNumber} has used {percent}% of its time; it is due by {due}. {actionUrl}"),
        [NotificationKind.Escalation] = ("升级：案件 {trackingNumber} 已超时", "案件 {trackingNumber} 未在 {due} 前完成，现升级至您（第 {level} 级）。负责人：{owner}。",
            "Escalation: case {trackingNumber} is overdue", "Case {trackingNumber} was not finished by {due} and is escalated to you (level {level}). Owner: {owner}."),
        [NotificationKind.ExtensionNotice] = ("您的投诉 {trackingNumber} 处理时限已延长", "您的投诉需要进一步调查，处理时限延长至 {due}。原因：{reason}",
            "More time is needed for your complaint {trackingNumber}", "Your complaint needs further investigation; we will respond by {due}. Reason: {reason}"),
        [NotificationKind.InquiryAnswer] = ("关于您的咨询 {trackingNumber} 的答复", "{answer}",
            "The answer to your inquiry {trackingNumber}", "{answer}"),
        [NotificationKind.SuggestionReply] = ("感谢您的建议 {trackingNumber}", "{reply}",
            "Thank you for your suggestion {trackingNumber}", "{reply}"),
        [NotificationKind.ApprovalRequest] = ("待审批：案件 {trackingNumber} 的处理方案", "处理方案：{remedy}，金额 {amount}。请批准或驳回：{actionUrl}{evidenceLinks}",
            "Approval needed: remedy for case {trackingNumber}", "Proposed remedy: {remedy}, amount {amount}. Approve or reject: {actionUrl}{evidenceLinks}"),
        [NotificationKind.ApprovalEscalated] = ("审批已升级：案件 {trackingNumber}", "审批未在时限内完成，已升级至 {approver}。",
            "Approval escalated: case {trackingNumber}", "No decision came in time; the approval is escalated to {approver}."),
        [NotificationKind.ApprovalRejected] = ("处理方案被驳回：案件 {trackingNumber}", "审批人驳回了处理方案：{comment}。请提交新的方案：{actionUrl}",
            "Remedy rejected: case {trackingNumber}", "The approver rejected the remedy: {comment}. Please propose a new one: {actionUrl}"),
        [NotificationKind.Offer] = ("关于您的投诉 {trackingNumber} 的处理方案", "我们的处理方案：{remedy}{amountText}。请选择接受或不接受：{actionUrl}",
            "Our proposal for your complaint {trackingNumber}", "Our proposal: {remedy}{amountText}. Please accept or decline: {actionUrl}"),
        [NotificationKind.OfferReminder] = ("提醒：请回复处理方案 {trackingNumber}", "我们尚未收到您对处理方案的回复：{actionUrl}",
            "Reminder: please answer our proposal {trackingNumber}", "We have not yet heard whether you accept our proposal: {actionUrl}"),
        [NotificationKind.RevisionRequest] = ("客户未接受方案：案件 {trackingNumber}", "客户意见：{comment}。请提交新的方案（第 {round} 轮）：{actionUrl}",
            "Customer declined: case {trackingNumber}", "Customer's comment: {comment}. Please propose a new remedy (round {round}): {actionUrl}"),
        [NotificationKind.NegotiationEscalated] = ("协商升级：案件 {trackingNumber}", "客户已拒绝 {round} 次方案，请您作出最终方案：{actionUrl}",
            "Negotiation escalated: case {trackingNumber}", "The customer declined {round} offers; please make the final offer: {actionUrl}"),
        [NotificationKind.ExecutionRequest] = ("请执行处理方案：案件 {trackingNumber}", "客户已接受方案：{remedy}。完成后请确认并填写单号：{actionUrl}",
            "Please carry out the remedy: case {trackingNumber}", "The customer accepted: {remedy}. Confirm with a reference number when done: {actionUrl}"),
        [NotificationKind.ExecutionNotice] = ("您的投诉 {trackingNumber} 已处理完毕", "处理方案已执行，参考编号：{reference}。",
            "Your complaint {trackingNumber} has been resolved", "The remedy has been carried out. Reference: {reference}."),
        [NotificationKind.Survey] = ("满意度回访：{trackingNumber}", "请为本次处理打分（1–5 分）：{actionUrl}",
            "How did we do? {trackingNumber}", "Please rate how we handled your case (1–5): {actionUrl}"),
        [NotificationKind.Reopened] = ("案件已重新打开：{trackingNumber}", "客户不满意（评分 {rating}），案件已重新打开并提高紧急程度，截止时间 {due}。",
            "Case reopened: {trackingNumber}", "The customer was dissatisfied (rating {rating}); the case is reopened with raised urgency, due by {due}."),
        [NotificationKind.Closure] = ("案件已结案：{trackingNumber}", "您的{kind} {trackingNumber} 已结案，感谢您的反馈。",
            "Case closed: {trackingNumber}", "Your {kind} {trackingNumber} is closed. Thank you for your feedback."),
    };

    /// <summary>Values that are links the product made: the only text that becomes an anchor in the HTML part.</summary>
    private static readonly HashSet<string> LinkValues = new(StringComparer.Ordinal) { "statusUrl", "actionUrl", "evidenceLinks" };

    /// <summary>The subject, the text part and the HTML part of one notification.</summary>
    public static (string Subject, string Body, string Html) Render(NotificationKind kind, string language, IReadOnlyDictionary<string, string> values)
    {
        var template = Templates[kind];
        var zh = language == CaseLanguage.Chinese;
        var subject = Fill(zh ? template.ZhSubject : template.EnSubject, values, (_, value) => value, literal => literal);
        var bodyTemplate = zh ? template.ZhBody : template.EnBody;
        var body = Fill(bodyTemplate, values, (_, value) => value, literal => literal);
        var html = Fill(bodyTemplate, values, (key, value) => LinkValues.Contains(key) ? MailHtml.Links(value) : MailHtml.Text(value), MailHtml.Text);
        return (subject, body, MailHtml.Page(subject, html, language));
    }

    // One pass over the template: a value goes in as it is and is never searched for placeholders itself, so a
    // customer's "{owner}" stays "{owner}".
    private static string Fill(string template, IReadOnlyDictionary<string, string> values, Func<string, string, string> value, Func<string, string> literal)
    {
        var text = new StringBuilder(template.Length * 2);
        var at = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            var key = match.Groups[1].Value;
            text.Append(literal(template[at..match.Index]));
            text.Append(values.TryGetValue(key, out var found) ? value(key, found) : literal(match.Value));
            at = match.Index + match.Length;
        }

        return text.Append(literal(template[at..])).ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
