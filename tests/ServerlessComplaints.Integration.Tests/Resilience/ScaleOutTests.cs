using System.Collections.Concurrent;
using Azure.Data.Tables;
using ServerlessComplaints.LocalHost.Azurite;
using Xunit.Abstractions;

namespace ServerlessComplaints.Integration.Tests.Resilience;

/// <summary>
/// Two nodes of the local service on one storage: node A as the run command starts it (its own Azurite), node B a
/// second process pointed at A's Azurite. Durable Task's partition leases split the cases' work between them; a SIGKILL
/// of B mid-load leaves its partitions to A once their leases expire, and A finishes every accepted case. Four
/// partitions and the tests' short lease and visibility (DURABLE_DEFAULT_TIMEOUTS=1 keeps the service's defaults).
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Partitions = 4;

    // One submission per client at most every 200 ms: four clients, about 20 cases a second.
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(200);

    // After the kill: B's leases expire, A acquires them, B's invisible messages reappear; then the cases' next episodes run.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(TestEngine.DefaultTimeouts ? 180 : 60);

    private readonly RunCommandService _service = new(TestEngine.Arguments(Partitions));

    [Fact]
    public async Task SecondNodeSigkilledMidLoad_FirstNodeFinishesEveryAcceptedCaseOnce()
    {
        var nodeA = await _service.StartAsync();
        var nodeB = await _service.StartNodeAsync();
        var leases = new TableServiceClient(ConnectionString(nodeA.Azurite!));
        var accepted = new ConcurrentBag<(string Tn, string Node)>();
        var bKilled = false;
        var started = DateTime.UtcNow;
        var until = started.AddSeconds(14);

        // Four clients, two per node; B's clients move to A once B is gone. Each sends at most one case per Pace, so the
        // load is steady across the kill and its size does not grow with how fast the nodes accept (about 280 cases).
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(async client =>
        {
            while (DateTime.UtcNow < until)
            {
                var next = DateTime.UtcNow + Pace;
                var node = client % 2 == 1 && !Volatile.Read(ref bKilled) ? nodeB : nodeA;
                if (await _service.TrySubmitAsync(node) is { } tn)
                {
                    accepted.Add((tn, node == nodeA ? "A" : "B"));
                }

                await Task.Delay(Max(TimeSpan.Zero, next - DateTime.UtcNow));
            }
        }));

        var ownersBeforeKill = await WaitForOwnersAsync(leases, [nodeA.ProcessId, nodeB.ProcessId], TimeSpan.FromSeconds(TestEngine.DefaultTimeouts ? 90 : 8));
        await Task.Delay(Max(TimeSpan.Zero, started.AddSeconds(7) - DateTime.UtcNow)); // mid-load
        var assignedBeforeKill = await _service.AssignedAsync(accepted.Select(c => c.Tn));
        await nodeB.KillAsync();
        Volatile.Write(ref bKilled, true);
        var killedAt = DateTime.UtcNow;
        await load;

        var cases = accepted.Select(c => c.Tn).ToList();
        var (_, last, waiting) = await _service.WaitForAssignmentAsync(cases, killedAt, Bound);
        var ownersAfter = await OwnersAsync(leases);
        var mails = await _service.MailsAsync();
        var assignments = mails.Where(m => m.NotificationId?.EndsWith("-assignment", StringComparison.Ordinal) == true && cases.Contains(m.TrackingNumber!)).ToList();
        output.WriteLine($"{cases.Count} cases accepted ({accepted.Count(c => c.Node == "B")} by B); {assignedBeforeKill.Count} assigned before the kill; "
            + $"partition leases before the kill: {Describe(ownersBeforeKill, nodeA, nodeB)}; after: {Describe(ownersAfter, nodeA, nodeB)}; "
            + $"every case assigned {last?.TotalSeconds:F1} s after the kill (bound {Bound.TotalSeconds} s); "
            + $"assignment mails delivered twice to the sink (dropped there by notification id): {assignments.Count(m => m.Deliveries > 1)}");

        Assert.Contains(ownersBeforeKill.Values, owner => owner.EndsWith($"-{nodeA.ProcessId}", StringComparison.Ordinal));
        Assert.Contains(ownersBeforeKill.Values, owner => owner.EndsWith($"-{nodeB.ProcessId}", StringComparison.Ordinal));
        Assert.Contains(accepted, c => c.Node == "B");
        Assert.Empty(waiting);
        Assert.All(cases, tn => Assert.Equal(1, RunCommandService.MailCount(mails, tn, "assignment")));
        Assert.All(cases, tn => Assert.Equal(1, RunCommandService.MailCount(mails, tn, "acknowledgement")));
        Assert.Equal(Partitions, ownersAfter.Count);
        Assert.All(ownersAfter.Values, owner => Assert.EndsWith($"-{nodeA.ProcessId}", owner));
    }

    /// <summary>Polls the partition leases until each of <paramref name="processIds"/> owns one (or the timeout passes); returns the last read.</summary>
    private static async Task<Dictionary<string, string>> WaitForOwnersAsync(TableServiceClient leases, int[] processIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var owners = await OwnersAsync(leases);
            if (processIds.All(pid => owners.Values.Any(o => o.EndsWith($"-{pid}", StringComparison.Ordinal))) || DateTime.UtcNow > deadline)
            {
                return owners;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The owner (worker id: machine and process id) of every control-queue partition whose lease runs now (the engine's table partition manager).</summary>
    private static async Task<Dictionary<string, string>> OwnersAsync(TableServiceClient tables)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in tables.GetTableClient("ComplaintsHubPartitions").QueryAsync<TableEntity>())
        {
            if (row.GetString("CurrentOwner") is { Length: > 0 } owner && row.GetDateTimeOffset("ExpiresAt") > DateTimeOffset.UtcNow)
            {
                owners[row.RowKey] = owner;
            }
        }

        return owners;
    }

    private static string Describe(Dictionary<string, string> owners, HostProcess a, HostProcess b) =>
        $"A {owners.Values.Count(o => o.EndsWith($"-{a.ProcessId}", StringComparison.Ordinal))}, B {owners.Values.Count(o => o.EndsWith($"-{b.ProcessId}", StringComparison.Ordinal))} of {owners.Count}";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string ConnectionString(AzuriteInstance azurite) => AzuriteProcess.ConnectionStringFor(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _service.DisposeAsync();
}
