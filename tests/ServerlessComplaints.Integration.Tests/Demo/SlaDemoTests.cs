using System.Diagnostics;
using ServerlessComplaints.LocalHost.Demo;

namespace ServerlessComplaints.Integration.Tests.Demo;

/// <summary>
/// `--demo-sla` as a user runs it, in process: the local service on the Durable Task engine with its own Azurite,
/// a seconds-long SLA that runs out while the demo watches, then the case walked to closure.
/// </summary>
public class SlaDemoTests
{
    [Fact]
    public async Task RunAsync_OwnerLetsTheDeadlinePass_PrintsRemindersThenEscalationAndAClosedCase()
    {
        var output = new StringWriter();
        var clock = Stopwatch.StartNew();

        var exitCode = await new SlaDemo(TextWriter.Synchronized(output)).RunAsync([]);

        var elapsed = clock.Elapsed;
        var lines = output.ToString().Split('\n');
        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains(lines, l => l.Contains("on the Durable Task engine", StringComparison.Ordinal));
        var reminders = lines.Select((l, i) => (Line: l, Index: i)).Where(x => x.Line.Contains("mail to zhang.wei@example.cn (reminder)", StringComparison.Ordinal)).ToList();
        var escalation = Array.FindIndex(lines, l => l.Contains("mail to li.na@example.cn (escalation)", StringComparison.Ordinal));
        Assert.Equal(2, reminders.Count);
        Assert.True(escalation > reminders[^1].Index, output.ToString());
        Assert.True(Array.FindIndex(lines, l => l.Contains("/findings → 202", StringComparison.Ordinal)) > escalation, output.ToString());
        Assert.Contains(lines, l => l.Contains("(closure)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("stage archived, outcome resolved, escalation level 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("escalated to the department manager, 李娜", StringComparison.Ordinal));
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"the demo took {elapsed.TotalSeconds:0.0} s");
    }
}
