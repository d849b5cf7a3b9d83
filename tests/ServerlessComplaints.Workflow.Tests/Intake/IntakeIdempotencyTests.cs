using Microsoft.Extensions.Time.Testing;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public sealed class IntakeIdempotencyTests
{
    private const string Key = "k1";
    private const string Tn1 = "CMP-20261123-AAAAAA";
    private const string Tn2 = "CMP-20261123-BBBBBB";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly InMemoryIdempotencyStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    private IntakeIdempotency Idempotency => new(_store, _time);

    // Moves the fake clock while a claim waits, as real time would.
    private async Task<IdempotencyDecision> WhileTimePassesAsync(Task<IdempotencyDecision> waiting)
    {
        while (!waiting.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(1);
        }

        return await waiting;
    }

    [Fact]
    public async Task ClaimAsync_NewKey_ClaimedUnderItsTrackingNumber()
    {
        var decision = await Idempotency.ClaimAsync(Key, "h", Tn1, None);

        Assert.Equal(IdempotencyOutcome.Claimed, decision.Outcome);
        Assert.Equal(Tn1, decision.Claim!.TrackingNumber);
        Assert.Equal(IdempotencyState.Pending, (await _store.FindAsync(Key, None))!.State);
    }

    [Fact]
    public async Task ClaimAsync_CompletedSameRequest_ReplaysTheFirstTrackingNumber()
    {
        var first = await Idempotency.ClaimAsync(Key, "h", Tn1, None);
        await Idempotency.CompleteAsync(first.Claim!, None);

        var again = await Idempotency.ClaimAsync(Key, "h", Tn2, None);

        Assert.Equal(IdempotencyOutcome.Replay, again.Outcome);
        Assert.Equal(Tn1, again.TrackingNumber);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClaimAsync_DifferentRequest_MismatchWithoutTrackingNumber(bool completed)
    {
        var first = await Idempotency.ClaimAsync(Key, "h", Tn1, None);
        if (completed)
        {
            await Idempotency.CompleteAsync(first.Claim!, None);
        }

        var other = await Idempotency.ClaimAsync(Key, "other", Tn2, None);

        Assert.Equal(IdempotencyOutcome.Mismatch, other.Outcome);
        Assert.Null(other.TrackingNumber);
        Assert.Null(other.Claim);
    }

    [Fact]
    public async Task ClaimAsync_PendingSameRequestNeverCompletes_InProgressAfterTheWait()
    {
        await Idempotency.ClaimAsync(Key, "h", Tn1, None);

        var waiting = await WhileTimePassesAsync(Idempotency.ClaimAsync(Key, "h", Tn2, None));

        Assert.Equal(IdempotencyOutcome.InProgress, waiting.Outcome);
        Assert.Equal(Tn1, (await _store.FindAsync(Key, None))!.TrackingNumber);
    }

    [Fact]
    public async Task ClaimAsync_PendingCompletesWhileWaiting_Replays()
    {
        var first = await Idempotency.ClaimAsync(Key, "h", Tn1, None);
        var waiting = Idempotency.ClaimAsync(Key, "h", Tn2, None);

        await Idempotency.CompleteAsync(first.Claim!, None);
        var decision = await WhileTimePassesAsync(waiting);

        Assert.Equal(IdempotencyOutcome.Replay, decision.Outcome);
        Assert.Equal(Tn1, decision.TrackingNumber);
    }

    [Fact]
    public async Task ClaimAsync_AbandonedClaim_TakenOverAtOnceKeepingItsTrackingNumber()
    {
        var first = await Idempotency.ClaimAsync(Key, "h", Tn1, None);
        await Idempotency.AbandonAsync(first.Claim!, None);

        var retry = await Idempotency.ClaimAsync(Key, "h", Tn2, None);

        Assert.Equal(IdempotencyOutcome.TakenOver, retry.Outcome);
        Assert.Equal(Tn1, retry.Claim!.TrackingNumber);
    }

    [Fact]
    public async Task ClaimAsync_PendingOlderThanTheTimeout_TakenOverAndTheFirstCannotComplete()
    {
        var first = await Idempotency.ClaimAsync(Key, "h", Tn1, None);
        _time.Advance(IntakeIdempotency.ClaimTimeout);

        var retry = await Idempotency.ClaimAsync(Key, "h", Tn2, None);
        var lateCompletion = await Idempotency.CompleteAsync(first.Claim!, None);

        Assert.Equal(IdempotencyOutcome.TakenOver, retry.Outcome);
        Assert.Equal(Tn1, retry.Claim!.TrackingNumber);
        Assert.False(lateCompletion);
    }

    [Fact]
    public async Task ClaimAsync_EightConcurrentSameRequest_OneClaimAndTheRestReplayIt()
    {
        var idempotency = new IntakeIdempotency(_store, TimeProvider.System);
        var claims = Enumerable.Range(0, 8).Select(i => Task.Run(() => idempotency.ClaimAsync(Key, "h", $"CMP-20261123-AAAAA{i}", None))).ToList();
        var unfinished = claims.ToList();
        IdempotencyDecision winner;
        do
        {
            var done = await Task.WhenAny(unfinished);
            unfinished.Remove(done);
            winner = await done;
        }
        while (!winner.IsClaimed);
        await idempotency.CompleteAsync(winner.Claim!, None);

        var decisions = await Task.WhenAll(claims);

        var claimed = Assert.Single(decisions, d => d.IsClaimed);
        Assert.All(decisions.Where(d => !d.IsClaimed), d => Assert.Equal((IdempotencyOutcome.Replay, claimed.Claim!.TrackingNumber), (d.Outcome, d.TrackingNumber)));
    }
}
