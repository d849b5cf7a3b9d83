using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.LocalHost.Demo;

/// <summary>
/// The demo against the real service: starts it with compressed durations on its own Azurite data, submits a
/// Chinese complaint over HTTP, walks it through every stage with the staff API, and prints mail and timeline.
/// </summary>
internal sealed class ServiceDemo(TextWriter output)
{
    private int _mailsShown;

    public async Task<int> RunAsync(string[] args)
    {
        await using var demo = await ThrowAwayService.StartAsync([.. args, "--Workflow:FollowUpDelay", "00:00:02"], output);
        output.WriteLine($"Service up at {demo.Service.BaseUrl} (a throw-away instance; durations compressed).");
        var (status, accepted) = await demo.SubmitComplaintAsync();
        var tn = accepted.TrackingNumber;
        await Step(demo, $"POST /api/complaints → {status}, tracking number {tn}", tn, "assignment");
        await Act(demo, "zhang.wei", tn, "findings", new { rootCause = "加热盘批次缺陷", responsibleParty = "company", facts = "同批次已有3起类似投诉", remedy = new { type = "refund", amount = 599, description = "全额退款599元" } }, "approvalrequest");
        await Act(demo, "wang.lei", tn, "approve", new { comment = "同意退款" }, "offer");
        await Act(demo, "zhang.wei", tn, "customer-response", new { accepted = false, comment = "我想换一台新的" }, "revisionrequest");
        await Act(demo, "zhang.wei", tn, "offer", new { remedy = new { type = "exchange", amount = 0, description = "更换同型号新机并赠送内胆" } }, "offer", 2);
        await Act(demo, "zhang.wei", tn, "customer-response", new { accepted = true, comment = "好的，谢谢" }, "executionrequest");
        await Act(demo, "zhang.wei", tn, "execute", new { reference = "EX-88231" }, "survey");
        await Act(demo, "zhang.wei", tn, "survey", new { rating = 5, comment = "处理很及时" }, "closure");
        PrintTimeline(demo, await demo.WaitForArchiveAsync(accepted, TimeSpan.FromSeconds(10)));
        output.WriteLine("Run without --demo for a service that stays up: its dev mailbox shows such mail with working links.");
        return 0;
    }

    private async Task Act(ThrowAwayService demo, string staffId, string tn, string action, object body, string expectedMail, int count = 1)
    {
        var status = await demo.ActAsync(staffId, tn, action, body);
        await Step(demo, $"{staffId}: POST …/{action} → {status}", tn, expectedMail, count);
    }

    private async Task Step(ThrowAwayService demo, string title, string tn, string expectedMail, int count = 1)
    {
        output.WriteLine(title);
        var mails = await demo.WaitForMailAsync(tn, expectedMail, count, TimeSpan.FromSeconds(30));
        foreach (var mail in mails.Skip(_mailsShown))
        {
            output.WriteLine($"   mail to {mail.To}: {mail.Subject}");
        }

        _mailsShown = mails.Count;
    }

    private void PrintTimeline(ThrowAwayService demo, PublicCaseView view)
    {
        output.WriteLine();
        output.WriteLine($"Case {view.TrackingNumber}: stage {WireNames.Of(view.Stage)}, outcome {(view.Outcome is { } outcome ? WireNames.Of(outcome) : null)}. Public timeline:");
        var entries = view.Timeline.Select(e => new Workflow.Cases.TimelineEntry(view.TrackingNumber, "", e.AtUtc, e.Actor, e.Action, e.Detail, true, e.Parameters));
        foreach (var line in demo.Sentences(entries))
        {
            output.WriteLine($"  {line.AtUtc:HH:mm:ss}  {line.Actor,-10} {line.Text}{(line.Quote is { Length: > 0 } quote ? $" “{quote}”" : "")}");
        }
    }
}
