using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public sealed class TrackingNumberTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void New_AnyTime_MatchesFormat()
    {
        var number = TrackingNumber.New(new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc), Shanghai);

        Assert.Matches("^CMP-20261121-[0-9A-HJKMNP-TV-Z]{6}$", number);
        Assert.True(TrackingNumber.IsValid(number));
    }

    [Fact]
    public void New_AfterLocalMidnight_UsesLocalDate()
    {
        var receivedAtUtc = new DateTime(2026, 11, 21, 17, 0, 0, DateTimeKind.Utc);

        var number = TrackingNumber.New(receivedAtUtc, Shanghai);

        Assert.StartsWith("CMP-20261122-", number, StringComparison.Ordinal);
    }

    [Fact]
    public void New_UnspecifiedKind_TreatedAsUtc()
    {
        var receivedAtUtc = new DateTime(2026, 11, 21, 16, 0, 0, DateTimeKind.Unspecified);

        var number = TrackingNumber.New(receivedAtUtc, Shanghai);

        Assert.StartsWith("CMP-20261122-", number, StringComparison.Ordinal);
    }

    [Fact]
    public void New_ThousandNumbers_AreUniqueAndValid()
    {
        var receivedAtUtc = new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc);

        var numbers = Enumerable.Range(0, 1_000).Select(_ => TrackingNumber.New(receivedAtUtc, Shanghai)).ToList();

        // 1,000 draws from 32^6 collide once in ~2,000 runs; a broken generator repeats far more.
        Assert.True(numbers.Distinct(StringComparer.Ordinal).Count() >= 998);
        Assert.All(numbers, number => Assert.True(TrackingNumber.IsValid(number), number));
    }

    [Theory]
    [InlineData("CMP-20261121-7K3M9Q")]
    [InlineData("CMP-20240229-000000")]
    [InlineData("CMP-20261231-ZZZZZZ")]
    public void IsValid_WellFormed_ReturnsTrue(string value)
    {
        var valid = TrackingNumber.IsValid(value);

        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cmp-20261121-7k3m9q")]
    [InlineData("CMP-20261121-7k3m9q")]
    [InlineData("CMP-20261121-7K3M9")]
    [InlineData("CMP-20261121-7K3M9QX")]
    [InlineData("CMP-20261121-7K3M9I")]
    [InlineData("CMP-20261121-7K3MLU")]
    [InlineData("CMP-20261121-7K3MO0")]
    [InlineData("CMP-20261321-7K3M9Q")]
    [InlineData("CMP-20250229-7K3M9Q")]
    [InlineData("CMP-2026112١-7K3M9Q")]
    [InlineData("CMP_20261121_7K3M9Q")]
    [InlineData("XYZ-20261121-7K3M9Q")]
    [InlineData(" CMP-20261121-7K3M9Q")]
    [InlineData("CMP-20261121-7K3M9Q\n")]
    [InlineData("../CMP-20261121-7K3M9Q")]
    [InlineData("CMP-20261121-../../x")]
    [InlineData("..")]
    [InlineData("../")]
    public void IsValid_Malformed_ReturnsFalse(string? value)
    {
        var valid = TrackingNumber.IsValid(value);

        Assert.False(valid);
    }
}
