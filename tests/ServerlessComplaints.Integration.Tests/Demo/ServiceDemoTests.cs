using System.Diagnostics;
using ServerlessComplaints.LocalHost.Demo;
using Xunit.Abstractions;

namespace ServerlessComplaints.Integration.Tests.Demo;

/// <summary>
/// `--demo` as a user runs it, in process: a throw-away service with its own Azurite walks one Chinese complaint from
/// intake to archive. Its phases are written to the test output (the README promises about ten seconds).
/// </summary>
public class ServiceDemoTests(ITestOutputHelper log)
{
    [Fact]
    public async Task RunAsync_WholeJourney_EveryMailInOrderArchivedAndStoppedPromptly()
    {
        var output = new TimedWriter();
        var clock = Stopwatch.StartNew();

        var exitCode = await new ServiceDemo(TextWriter.Synchronized(output)).RunAsync([]);

        var total = clock.Elapsed;
        log.WriteLine(string.Join('\n', output.Lines.Select(l => $"{l.At.TotalSeconds,6:0.0} s  {l.Text}")));
        log.WriteLine($"total {total.TotalSeconds:0.0} s");
        var text = string.Join('\n', output.Lines.Select(l => l.Text));
        Assert.True(exitCode == 0, text);
        string[] journey = ["您的投诉已受理", "新案件待处理", "待审批", "处理方案", "客户未接受方案", "请执行处理方案", "已处理完毕", "满意度回访", "案件已结案", "stage archived, outcome resolved"];
        var at = journey.Select(step => text.IndexOf(step, StringComparison.Ordinal)).ToList();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), text);
        var stopping = total - output.Lines[^1].At;
        Assert.True(stopping < TimeSpan.FromSeconds(5), $"the throw-away service took {stopping.TotalSeconds:0.0} s to stop after the demo's last line");
        Assert.True(total < TimeSpan.FromSeconds(60), $"the demo took {total.TotalSeconds:0.0} s");
    }

    /// <summary>Keeps each line with the time it was written.</summary>
    private sealed class TimedWriter : StringWriter
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<(TimeSpan At, string Text)> Lines { get; } = [];

        public override void WriteLine(string? value) => Lines.Add((_clock.Elapsed, value ?? ""));
    }
}
