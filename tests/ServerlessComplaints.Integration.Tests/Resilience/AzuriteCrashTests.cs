using System.Text.Json;
using ServerlessComplaints.LocalHost.Azurite;
using Xunit.Abstractions;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// A SIGKILL of the service on the Durable Task engine together with its own Azurite (a power loss), while cases stream
/// in, then a restart on the same data, with the tests' short lease and visibility (DURABLE_DEFAULT_TIMEOUTS=1 keeps the
/// service's defaults). Azurite saves to disk every 5 s, each
/// service (tables, queues, blobs) on its own: the crash loses the last seconds of acknowledged writes, and not
/// necessarily the same seconds of the tables and of the queues. Lost cases (no record, no instance) are Azurite's
/// durability boundary and only reported; a case of which anything survived must go on (or visibly fail), never stay
/// stuck: an instance row without its start message, a history without its next message, a record without an instance.
/// </summary>
public sealed class AzuriteCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    // The stalled-instance check runs lease + visibility + 15 s after the start (24 s here, 75 s with the defaults); its restarts then run.
    private static readonly TimeSpan CheckAfter = TimeSpan.FromSeconds(TestEngine.DefaultTimeouts ? 85 : 30);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(TestEngine.DefaultTimeouts ? 150 : 60);

    private readonly RunCommandService _service = new(TestEngine.Arguments());

    [Fact]
    public async Task ServiceAndAzuriteSigkill_Restart_LostCasesReportedAndNoSurvivingCaseStuck()
    {
        var first = await _service.StartAsync();
        var accepted = new System.Collections.Concurrent.ConcurrentBag<(string Tn, DateTime At)>();
        var until = DateTime.UtcNow.AddSeconds(8);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                if (await _service.TrySubmitAsync() is { } tn)
                {
                    accepted.Add((tn, DateTime.UtcNow));
                }
            }
        }));

        var assignedBeforeKill = await _service.AssignedAsync(accepted.Select(c => c.Tn));
        var azurite = first.Azurite!;
        await first.KillWithAzuriteAsync();
        Assert.False(ProcessIds.IsAlive(azurite.ProcessId, azurite.StartTime), "Azurite survived its SIGKILL");
        var killedAt = DateTime.UtcNow;
        await _service.StartAsync();
        var restarted = DateTime.UtcNow;

        var lost = new List<(string Tn, DateTime At)>();
        foreach (var c in accepted)
        {
            if (await _service.DetailAsync(c.Tn) is null)
            {
                lost.Add(c);
            }
        }

        var survived = accepted.Select(c => c.Tn).Except(lost.Select(c => c.Tn)).ToList();
        // Every survivor must have its assignment mail: the mailbox is a table too, as old as the case's history after the crash.
        var (firstOn, lastOn, waiting) = await _service.WaitForAssignmentAsync(survived, restarted, Bound);
        var stuck = new List<string>();
        var failed = 0;
        foreach (var tn in waiting)
        {
            var detail = await _service.DetailAsync(tn);
            var status = Text(detail, "runtimeStatus");
            if (status == "Failed")
            {
                failed++;
                continue;
            }

            stuck.Add($"{tn} ({status ?? "gone"}, stage {(detail?.TryGetProperty("record", out var record) == true ? Text(record, "stage") : null)})");
        }

        // Past the stalled-instance check (lease + visibility + 15 s after the start): how many instances it found stalled and started again.
        var checkedAt = restarted + CheckAfter;
        if (checkedAt > DateTime.UtcNow)
        {
            await Task.Delay(checkedAt - DateTime.UtcNow);
        }

        var restartedAgain = _service.Current.Output.Count(line => line.Contains("started again with the same input", StringComparison.Ordinal));
        var mails = await _service.MailsAsync();
        var repeated = survived.Count(tn => RunCommandService.MailCount(mails, tn, "acknowledgement") > 1);
        var lostAssigned = lost.Count(c => assignedBeforeKill.Contains(c.Tn));
        var oldestLost = lost.Count == 0 ? 0 : (killedAt - lost.Min(c => c.At)).TotalSeconds;
        output.WriteLine($"accepted {accepted.Count} over 8 s ({assignedBeforeKill.Count} assigned before the kill); lost {lost.Count} "
            + $"(the oldest answered 202 {oldestLost:F1} s before the kill; {lostAssigned} had been assigned); survived {survived.Count}: "
            + $"{survived.Count - waiting.Count} have their assignment mail after the restart (the first {firstOn?.TotalSeconds:F1} s, the last {lastOn?.TotalSeconds:F1} s after it), "
            + $"{failed} failed visibly, {stuck.Count} stuck after {Bound.TotalSeconds} s; {restartedAgain} stalled instances started again; {repeated} acknowledgements sent twice");
        foreach (var line in stuck)
        {
            output.WriteLine("stuck: " + line);
        }

        Assert.Empty(stuck);
        Assert.True(oldestLost < 10, $"a case answered 202 {oldestLost:F1} s before the kill was lost: more than Azurite's 5 s between saves");
        Assert.Equal(0, repeated);
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value.ToString() : null;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();
}
