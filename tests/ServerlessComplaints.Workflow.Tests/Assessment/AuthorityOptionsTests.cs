using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Workflow.Tests.Assessment;

public sealed class AuthorityOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var options = new AuthorityOptions();

        var errors = options.Validate();

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("0", "1000", null, "StaffLimit")]
    [InlineData("200", "200", null, "SupervisorLimit")]
    [InlineData("200", "1000", "1000", "ManagerLimit")]
    public void Validate_NotPositiveOrNotAscending_ReportsTheLimit(string staff, string supervisor, string? manager, string property)
    {
        var options = new AuthorityOptions
        {
            StaffLimit = decimal.Parse(staff, System.Globalization.CultureInfo.InvariantCulture),
            SupervisorLimit = decimal.Parse(supervisor, System.Globalization.CultureInfo.InvariantCulture),
            ManagerLimit = manager is null ? null : decimal.Parse(manager, System.Globalization.CultureInfo.InvariantCulture),
        };

        var errors = options.Validate();

        var error = Assert.Single(errors);
        Assert.StartsWith($"Authority:{property}", error, StringComparison.Ordinal);
    }
}
