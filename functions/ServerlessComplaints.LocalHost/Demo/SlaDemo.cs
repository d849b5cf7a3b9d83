using System.Globalization;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.LocalHost.Demo;

/// <summary>
/// The SLA clock on the real engine: the local service on DurableTask.Core with a complaint's investigation deadline
/// measured in seconds. The owner lets it run out (reminders at 50 % and 80 %, the department manager escalated to at
/// 100 %), then the case is walked to closure through the staff API; mail is printed as it arrives.
/// </summary>
internal sealed class SlaDemo(TextWriter output)
{
    /// <summary>The investigation deadline; long enough that the reminders stand apart, short enough to watch.</summary>
    public const int DeadlineSeconds = 12;

    private const string Owner = "zhang.wei";
    private static readonly TimeSpan EscalationWait = TimeSpan.FromSeconds(DeadlineSeconds + 30);
    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(30);

    private DateTime _submittedAtUtc;
    private int _mailsShown;

    public async Task<int> RunAsync(string[] args)
    {
        await using var demo = await ThrowAwayService.StartAsync(
            [.. args,
             "--Sla:ComplaintResolution:Seconds", $"{DeadlineSeconds}", "--Sla:ComplaintExtended:Seconds", $"{2 * DeadlineSeconds}",
             "--Workflow:FollowUpDelay", "00:00:02"],
            output);
        output.WriteLine($"Service up at {demo.Service.BaseUrl} on the Durable Task engine (a throw-away instance).");
        output.WriteLine($"SLA: findings due {DeadlineSeconds} s after receipt; reminders at 50 % and 80 %, escalation to the department manager at 100 %.");
        _submittedAtUtc = DateTime.UtcNow;
        var (status, accepted) = await demo.SubmitComplaintAsync();
        var tn = accepted.TrackingNumber;
        output.WriteLine($"{Elapsed(DateTime.UtcNow)}  POST /api/complaints → {status}, tracking number {tn}; the owner does nothing…");

        var escalated = await PrintMailUntilAsync(demo, tn, "escalation", 1, EscalationWait);
        if (!escalated)
        {
            output.WriteLine($"No escalation within {EscalationWait.TotalSeconds:0} s: the SLA clock did not run out as expected.");
            return 1;
        }

        output.WriteLine($"{Elapsed(DateTime.UtcNow)}  the deadline has passed and the case is escalated (escalation level 1); now the owner acts…");
        await Act(demo, tn, "findings", new { rootCause = "加热盘批次缺陷（等待供应商检测报告）", responsibleParty = "company", facts = "同批次已有3起类似投诉", remedy = new { type = "coupon", amount = 150, description = "致歉并赠送150元代金券" } }, "offer");
        await Act(demo, tn, "customer-response", new { accepted = true, comment = "可以，但希望以后快一点" }, "executionrequest");
        await Act(demo, tn, "execute", new { reference = "CP-88231" }, "survey");
        await Act(demo, tn, "survey", new { rating = 3, comment = "结果满意，处理太慢" }, "closure");

        var view = await demo.WaitForArchiveAsync(accepted, TimeSpan.FromSeconds(15));
        var detail = await demo.StaffDetailAsync(Owner, tn);
        output.WriteLine();
        output.WriteLine($"Case {tn}: stage {WireNames.Of(view.Stage)}, outcome {(view.Outcome is { } outcome ? WireNames.Of(outcome) : null)}, escalation level {detail.Record.EscalationLevel}. Timeline (staff view):");
        foreach (var line in demo.Sentences(detail.Timeline))
        {
            output.WriteLine($"  {Elapsed(line.AtUtc)}  {line.Actor,-22} {line.Text}{(line.Quote is { Length: > 0 } quote ? $" “{quote}”" : "")}");
        }

        return view.Stage == CaseStage.Archived ? 0 : 1;
    }

    private async Task Act(ThrowAwayService demo, string tn, string action, object body, string expectedMail)
    {
        var status = await demo.ActAsync(Owner, tn, action, body);
        output.WriteLine($"{Elapsed(DateTime.UtcNow)}  {Owner}: POST /api/staff/complaints/{tn}/{action} → {status}");
        await PrintMailUntilAsync(demo, tn, expectedMail, 1, StepWait);
    }

    /// <summary>Prints the case's mail as it arrives until <paramref name="count"/> of <paramref name="kind"/> have come; false on timeout.</summary>
    private async Task<bool> PrintMailUntilAsync(ThrowAwayService demo, string tn, string kind, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mails = await demo.MailsAsync(tn);
            foreach (var mail in mails.Skip(_mailsShown))
            {
                Print(mail);
            }

            _mailsShown = mails.Count;
            if (mails.Count(m => ThrowAwayService.IsKind(m, kind)) >= count)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }
    }

    private void Print(DevMail mail)
    {
        var id = mail.NotificationId ?? "";
        var kind = id[(id.LastIndexOf('-') + 1)..];
        output.WriteLine($"{Elapsed(mail.ReceivedAtUtc)}     mail to {mail.To} ({kind}): {mail.Subject}");
    }

    private string Elapsed(DateTime atUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"+{Math.Max(0, (atUtc - _submittedAtUtc).TotalSeconds),5:0.0} s");
}
