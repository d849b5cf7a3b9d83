using ServerlessComplaints.Integration.Tests.Resilience;
using Xunit.Abstractions;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>
/// A graceful stop (SIGTERM, as Ctrl+C or a deployment does) while cases are between episodes, then a restart on the
/// same storage: every case must go on at once, not after a queue message's visibility timeout. The visibility is set
/// to 5 minutes here on purpose, so that a message the stop left invisible shows as a wait of minutes.
/// </summary>
public sealed class DurableGracefulStopTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private readonly RunCommandService _service = new(
        "--DurableTask:ControlQueueVisibilityTimeout", "00:05:00", "--DurableTask:WorkItemQueueVisibilityTimeout", "00:05:00",
        "--DurableTask:LeaseInterval", "00:00:30");

    [Fact]
    public async Task GracefulStop_CasesInFlight_RestartContinuesEveryCaseWellBeforeTheVisibilityTimeout()
    {
        var first = await _service.StartAsync();
        var cases = (await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _service.SubmitAsync()))).ToList();

        // Stop as soon as the first acknowledgement is out: the others are mid-way through intake's activities.
        while ((await _service.MailsAsync()).Count == 0)
        {
            await Task.Delay(50);
        }

        var inFlight = cases.Except(await _service.AssignedAsync(cases)).ToList();
        var stopping = DateTime.UtcNow;
        await first.StopAsync();
        var stopTook = DateTime.UtcNow - stopping;
        var restarted = DateTime.UtcNow;
        await _service.StartAsync();
        var (firstCase, lastCase, stuck) = await _service.WaitForAssignmentAsync(inFlight, restarted, TimeSpan.FromMinutes(6));

        output.WriteLine($"stop took {stopTook.TotalSeconds:F1} s with {inFlight.Count} of {cases.Count} cases before assignment; after the restart "
            + $"the first went on {firstCase?.TotalSeconds:F1} s, the last {lastCase?.TotalSeconds:F1} s after it; {stuck.Count} still waiting");
        Assert.Empty(stuck);
        Assert.True(lastCase is null || lastCase < Bound, $"the last case went on {lastCase?.TotalSeconds:F1} s after the restart (bound {Bound.TotalSeconds} s, visibility 300 s)");
        Assert.True(stopTook < TimeSpan.FromSeconds(30), $"the graceful stop took {stopTook.TotalSeconds:F1} s");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();
}
