using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>
/// The semantics both <see cref="IIdempotencyStore"/>s share, run once per store by the subclasses: a conditional
/// insert claims a key, an ETag-checked replace changes it, and of concurrent callers exactly one wins either.
/// </summary>
public abstract class IdempotencyStoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime At = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    protected abstract Task<IIdempotencyStore> CreateStoreAsync();

    private static IdempotencyEntry Entry(string key = "ab12cd", string hash = "h1", string tn = "CMP-20261123-AAAAAA") =>
        new(key, hash, tn, IdempotencyState.Pending, At);

    [Fact]
    public async Task TryAddAsync_NewKey_StoredWithETagAndFound()
    {
        var store = await CreateStoreAsync();

        var added = await store.TryAddAsync(Entry(), None);
        var found = await store.FindAsync("ab12cd", None);

        Assert.NotNull(added?.ETag);
        Assert.Equal(added, found);
    }

    [Fact]
    public async Task TryAddAsync_KeyTaken_NullAndFirstKept()
    {
        var store = await CreateStoreAsync();
        await store.TryAddAsync(Entry(), None);

        var second = await store.TryAddAsync(Entry(hash: "h2", tn: "CMP-20261123-BBBBBB"), None);

        Assert.Null(second);
        Assert.Equal(("h1", "CMP-20261123-AAAAAA"), ((await store.FindAsync("ab12cd", None))!.RequestHash, (await store.FindAsync("ab12cd", None))!.TrackingNumber));
    }

    [Fact]
    public async Task TryAddAsync_EightConcurrentCallers_ExactlyOneClaims()
    {
        var store = await CreateStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryAddAsync(Entry(tn: $"CMP-20261123-AAAAA{i}"), None))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.TrackingNumber, (await store.FindAsync("ab12cd", None))!.TrackingNumber);
    }

    [Fact]
    public async Task TryReplaceAsync_CurrentETag_ReplacedWithNewETag()
    {
        var store = await CreateStoreAsync();
        var claim = (await store.TryAddAsync(Entry(), None))!;

        var completed = await store.TryReplaceAsync(claim, claim with { State = IdempotencyState.Completed }, None);

        Assert.NotNull(completed);
        Assert.NotEqual(claim.ETag, completed.ETag);
        Assert.Equal(IdempotencyState.Completed, (await store.FindAsync("ab12cd", None))!.State);
    }

    [Fact]
    public async Task TryReplaceAsync_StaleETag_NullAndRowUnchanged()
    {
        var store = await CreateStoreAsync();
        var claim = (await store.TryAddAsync(Entry(), None))!;
        var taken = (await store.TryReplaceAsync(claim, claim with { ClaimedAtUtc = At.AddMinutes(5) }, None))!;

        var late = await store.TryReplaceAsync(claim, claim with { State = IdempotencyState.Completed }, None);

        Assert.Null(late);
        Assert.Equal(taken, await store.FindAsync("ab12cd", None));
    }

    [Fact]
    public async Task TryReplaceAsync_ConcurrentTakeOvers_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var claim = (await store.TryAddAsync(Entry(), None))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.TryReplaceAsync(claim, claim with { ClaimedAtUtc = At.AddMinutes(i + 1) }, None))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, await store.FindAsync("ab12cd", None));
    }

    [Fact]
    public async Task TryReplaceAsync_UnknownKey_Null()
    {
        var store = await CreateStoreAsync();

        var result = await store.TryReplaceAsync(Entry() with { ETag = "W/\"1\"" }, Entry() with { State = IdempotencyState.Completed }, None);

        Assert.Null(result);
        Assert.Null(await store.FindAsync("ab12cd", None));
    }
}
