using ServerlessComplaints.LocalHost.Azurite;
using Xunit.Abstractions;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// Crashes of the service as the run command starts it (its own Azurite, data on disk). A SIGKILL of the service alone
/// must lose nothing: Azurite no longer depends on the service's pipes, keeps running and is reused by the restart.
/// A SIGKILL of the service with its Azurite (a power loss) may lose what Azurite had not yet saved (it saves every
/// 5 s), but must leave nothing stuck: every case that survived proceeds.
/// </summary>
public sealed class RunCommandCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RunCommandService _service = new();

    [Fact]
    public async Task ServiceSigkill_OwnAzuriteKeepsRunning_EveryAcceptedCaseSurvivesWithOneAcknowledgement()
    {
        const string engine = TestEngine.DurableTask;
        _service = new RunCommandService(TestEngine.Arguments(engine));
        var first = await _service.StartAsync();
        var accepted = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            accepted.Add(await _service.SubmitAsync());
        }

        // Straight after the last 202, well inside Azurite's 5 s between saves.
        await first.KillAsync();
        var azurite = first.Azurite!;
        Assert.True(ProcessIds.IsAlive(azurite.ProcessId, azurite.StartTime), "Azurite died with the service");

        var restarted = DateTime.UtcNow;
        var second = await _service.StartAsync();
        var recovery = await RecoveryAsync(accepted, restarted);

        Assert.Equal(azurite.ProcessId, second.Azurite!.ProcessId);
        Assert.Contains(second.Output, line => line.Contains("Reusing Azurite", StringComparison.Ordinal));
        foreach (var tn in accepted)
        {
            Assert.True(await _service.DetailAsync(tn) is not null, $"{tn} was answered 202 and is gone after the restart");
        }

        var stuck = await _service.WaitForAssignmentAsync(accepted, TimeSpan.FromSeconds(TestEngine.DefaultTimeouts ? 600 : 60));
        output.WriteLine($"{engine}: restart to healthy {recovery.Healthy.TotalSeconds:F1} s; {recovery.Waiting} of {accepted.Count} cases without assignment mail at restart; "
            + $"first of them progressed {recovery.FirstProgress?.TotalSeconds:F1} s after the restart, all {(DateTime.UtcNow - restarted).TotalSeconds:F1} s");
        Assert.Empty(stuck);
        var mails = await _service.MailsAsync();
        Assert.All(accepted, tn => Assert.Equal(1, RunCommandService.MailCount(mails, tn, "acknowledgement")));
        Assert.All(accepted, tn => Assert.Equal(1, RunCommandService.MailCount(mails, tn, "assignment")));
        Assert.Equal(mails.Count, mails.Select(m => m.NotificationId).Distinct().Count());
    }

    /// <summary>How long after the restart the first case that had not reached assignment at the restart did (null: none was waiting).</summary>
    private async Task<(TimeSpan Healthy, int Waiting, TimeSpan? FirstProgress)> RecoveryAsync(List<string> accepted, DateTime restarted)
    {
        var healthy = DateTime.UtcNow - restarted;
        var mails = await _service.MailsAsync();
        var waiting = accepted.Where(tn => RunCommandService.MailCount(mails, tn, "assignment") == 0).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(TestEngine.DefaultTimeouts ? 600 : 60);
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            mails = await _service.MailsAsync();
            if (waiting.Any(tn => RunCommandService.MailCount(mails, tn, "assignment") > 0))
            {
                return (healthy, waiting.Count, DateTime.UtcNow - restarted);
            }

            await Task.Delay(100);
        }

        return (healthy, waiting.Count, null);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();
}
