using ServerlessComplaints.Harness.Dispatch;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Tests.Security;

public class ActionTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static ActionTokenOptions Options(params (string Id, string Key)[] keys)
    {
        var options = new ActionTokenOptions { ActiveKeyId = keys[0].Id };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return options;
    }

    private static readonly (string, string) K1 = ("k1", new string('a', 40));
    private static readonly (string, string) K2 = ("k2", new string('b', 40));

    [Fact]
    public void Read_IssuedToken_ValidWithItsClaims()
    {
        var tokens = new ActionTokens(Options(K1), new ManualTimeProvider(Now));

        var (check, claims) = tokens.Read(tokens.Issue("CMP-20261123-ABCDEF", "approval", "wang.lei"));

        Assert.Equal(ActionTokenCheck.Valid, check);
        Assert.Equal(("CMP-20261123-ABCDEF", "approval", "wang.lei"), (claims!.TrackingNumber, claims.Action, claims.Actor));
        Assert.Equal(Now.UtcDateTime.AddDays(14), claims.ExpiresAtUtc);
    }

    [Fact]
    public void Issue_TwoTokensForTheSameAction_DifferentNonces()
    {
        var tokens = new ActionTokens(Options(K1), new ManualTimeProvider(Now));

        var a = tokens.Read(tokens.Issue("CMP-20261123-ABCDEF", "survey", "customer")).Claims!;
        var b = tokens.Read(tokens.Issue("CMP-20261123-ABCDEF", "survey", "customer")).Claims!;

        Assert.NotEqual(a.Nonce, b.Nonce);
        Assert.Equal(Now.UtcDateTime.AddDays(10), a.ExpiresAtUtc);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Read_AnyPartChanged_Tampered(int part)
    {
        var tokens = new ActionTokens(Options(K1), new ManualTimeProvider(Now));
        var pieces = tokens.Issue("CMP-20261123-ABCDEF", "findings", "zhang.wei").Split('.');
        pieces[part] = pieces[part][..^3] + (pieces[part].EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");

        var (check, _) = tokens.Read(string.Join('.', pieces));

        Assert.Equal(ActionTokenCheck.Tampered, check);
    }

    [Fact]
    public void Read_AfterExpiry_Expired()
    {
        var clock = new ManualTimeProvider(Now);
        var tokens = new ActionTokens(Options(K1), clock);
        var token = tokens.Issue("CMP-20261123-ABCDEF", "findings", "zhang.wei");

        clock.SetUtcNow(Now.AddDays(14));

        Assert.Equal(ActionTokenCheck.Expired, tokens.Read(token).Check);
    }

    [Fact]
    public void Read_KeyRotation_OldLinksVerifyWhileTheOldKeyIsListed()
    {
        var old = new ActionTokens(Options(K1), new ManualTimeProvider(Now)).Issue("CMP-20261123-ABCDEF", "findings", "zhang.wei");

        var duringRotation = new ActionTokens(Options(K2, K1), new ManualTimeProvider(Now));
        var afterRotation = new ActionTokens(Options(K2), new ManualTimeProvider(Now));

        Assert.Equal(ActionTokenCheck.Valid, duringRotation.Read(old).Check);
        Assert.StartsWith("k2.", duringRotation.Issue("CMP-20261123-ABCDEF", "findings", "zhang.wei"), StringComparison.Ordinal);
        Assert.Equal(ActionTokenCheck.Tampered, afterRotation.Read(old).Check);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("k1.!!!.???")]
    public void Read_Garbage_MalformedOrTampered(string token)
    {
        var tokens = new ActionTokens(Options(K1), new ManualTimeProvider(Now));

        Assert.NotEqual(ActionTokenCheck.Valid, tokens.Read(token).Check);
    }
}
