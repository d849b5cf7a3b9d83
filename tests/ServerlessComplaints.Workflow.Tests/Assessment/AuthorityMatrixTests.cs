using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Tests.Assessment;

public sealed class AuthorityMatrixTests
{
    private readonly AuthorityMatrix _defaults = new(new AuthorityOptions());
    private readonly AuthorityMatrix _cappedManager = new(new AuthorityOptions { ManagerLimit = 10_000m });

    [Theory]
    [InlineData(null, StaffRole.Staff)]
    [InlineData("0", StaffRole.Staff)]
    [InlineData("200", StaffRole.Staff)]
    [InlineData("200.01", StaffRole.Supervisor)]
    [InlineData("1000", StaffRole.Supervisor)]
    [InlineData("1000.01", StaffRole.Manager)]
    [InlineData("50000", StaffRole.Manager)]
    public void RequiredRole_DefaultLimits_LowestRoleCoveringAmount(string? amount, StaffRole expected)
    {
        var role = _defaults.RequiredRole(Parse(amount));

        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("0", StaffRole.Staff)]
    [InlineData("200", StaffRole.Staff)]
    [InlineData("200.01", StaffRole.Supervisor)]
    [InlineData("1000", StaffRole.Supervisor)]
    [InlineData("1000.01", StaffRole.Manager)]
    [InlineData("10000", StaffRole.Manager)]
    [InlineData("10000.01", StaffRole.CentreHead)]
    [InlineData("50000", StaffRole.CentreHead)]
    public void RequiredRole_FiniteManagerLimit_CentreHeadAboveIt(string amount, StaffRole expected)
    {
        var role = _cappedManager.RequiredRole(Parse(amount));

        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData(StaffRole.Staff, "200", true)]
    [InlineData(StaffRole.Staff, "200.01", false)]
    [InlineData(StaffRole.Supervisor, "1000", true)]
    [InlineData(StaffRole.Supervisor, "1000.01", false)]
    [InlineData(StaffRole.Manager, "50000", true)]
    [InlineData(StaffRole.CentreHead, "50000", true)]
    [InlineData(StaffRole.Staff, "0", true)]
    [InlineData(StaffRole.Staff, null, true)]
    public void CanApprove_DefaultLimits_UpToAndIncludingLimit(StaffRole role, string? amount, bool expected)
    {
        var allowed = _defaults.CanApprove(role, Parse(amount));

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void CanApprove_ManagerAboveFiniteLimit_False()
    {
        var allowed = _cappedManager.CanApprove(StaffRole.Manager, 50_000m);

        Assert.False(allowed);
    }

    [Fact]
    public void CanApprove_NegativeAmount_Throws()
    {
        Action act = () => _defaults.CanApprove(StaffRole.Staff, -1m);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void LimitOf_EachRole_FromOptionsAndUnlimitedAtTop()
    {
        var limits = Enum.GetValues<StaffRole>().Select(_cappedManager.LimitOf);

        Assert.Equal([200m, 1000m, 10_000m, null], limits);
        Assert.Null(_defaults.LimitOf(StaffRole.Manager));
    }

    [Theory]
    [InlineData(StaffRole.Staff, StaffRole.Supervisor)]
    [InlineData(StaffRole.Supervisor, StaffRole.Manager)]
    [InlineData(StaffRole.Manager, StaffRole.CentreHead)]
    [InlineData(StaffRole.CentreHead, null)]
    public void NextRole_EachRung_OneUpThenNull(StaffRole role, StaffRole? expected)
    {
        var next = AuthorityMatrix.NextRole(role);

        Assert.Equal(expected, next);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var options = new AuthorityOptions { SupervisorLimit = 100m };

        var act = () => new AuthorityMatrix(options);

        Assert.Throws<ArgumentException>(act);
    }

    private static decimal? Parse(string? amount) =>
        amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
}
