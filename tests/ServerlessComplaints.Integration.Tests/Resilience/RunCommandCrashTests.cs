using ServerlessComplaints.Runtime.Azurite;
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
    private readonly RunCommandService _service = new();

    [Fact]
    public async Task ServiceSigkill_OwnAzuriteKeepsRunning_EveryAcceptedCaseSurvivesWithOneAcknowledgement()
    {
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

        var second = await _service.StartAsync();

        Assert.Equal(azurite.ProcessId, second.Azurite!.ProcessId);
        Assert.Contains(second.Output, line => line.Contains("Reusing Azurite", StringComparison.Ordinal));
        foreach (var tn in accepted)
        {
            Assert.True(await _service.DetailAsync(tn) is not null, $"{tn} was answered 202 and is gone after the restart");
        }

        Assert.Empty(await _service.WaitForAssignmentAsync(accepted, TimeSpan.FromSeconds(60)));
        var mails = await _service.MailsAsync();
        Assert.All(accepted, tn => Assert.Equal(1, RunCommandService.MailCount(mails, tn, "acknowledgement")));
        Assert.Equal(mails.Count, mails.Select(m => m.NotificationId).Distinct().Count());
    }

    [Fact]
    public async Task ServiceAndAzuriteSigkill_Restart_OnlyUnsavedSecondsLostAndNothingStuck()
    {
        var first = await _service.StartAsync();
        var accepted = new List<(string Tn, DateTime At)>();
        var until = DateTime.UtcNow.AddSeconds(8);
        while (DateTime.UtcNow < until)
        {
            accepted.Add((await _service.SubmitAsync(), DateTime.UtcNow));
            await Task.Delay(100);
        }

        await first.KillWithAzuriteAsync();
        var killedAt = DateTime.UtcNow;
        await _service.StartAsync();

        var lost = new List<(string Tn, DateTime At)>();
        foreach (var c in accepted)
        {
            if (await _service.DetailAsync(c.Tn) is null)
            {
                lost.Add(c);
            }
        }

        var survived = accepted.Except(lost).Select(c => c.Tn).ToList();
        var stuck = await _service.WaitForAssignmentAsync(survived, TimeSpan.FromSeconds(90));
        var oldestLost = lost.Count == 0 ? 0 : (killedAt - lost.Min(c => c.At)).TotalSeconds;
        output.WriteLine($"accepted {accepted.Count} over 8 s; lost {lost.Count} (the oldest answered 202 {oldestLost:F1} s before the kill); stuck {stuck.Count}");
        Assert.Empty(stuck);
        Assert.True(oldestLost < 10, $"a case answered 202 {oldestLost:F1} s before the kill was lost: more than Azurite's 5 s between saves");
        var mails = await _service.MailsAsync();
        Assert.All(survived, tn => Assert.Equal(1, RunCommandService.MailCount(mails, tn, "acknowledgement")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();
}
