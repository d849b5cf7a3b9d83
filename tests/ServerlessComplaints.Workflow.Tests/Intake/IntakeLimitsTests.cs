using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public sealed class IntakeLimitsTests
{
    [Fact]
    public void Validate_Defaults_ReportsNothing()
    {
        var limits = new IntakeLimits();

        var problems = limits.Validate();

        Assert.Empty(problems);
        Assert.Equal(10L * 1024 * 1024, limits.MaxEvidenceFileBytes);
        Assert.Equal(25L * 1024 * 1024, limits.MaxEvidenceTotalBytes);
    }

    [Fact]
    public void Validate_BadSettings_ReportsEach()
    {
        var limits = new IntakeLimits { MaxSubjectLength = 0, MaxEmailLength = 300, MaxPhoneLength = 4, MaxEvidenceFileBytes = 30L * 1024 * 1024 };

        var problems = limits.Validate();

        Assert.Equal(
            [
                "Intake:MaxSubjectLength must be positive.",
                "Intake:MaxEmailLength must be between 6 and 254.",
                "Intake:MaxPhoneLength must be at least 5.",
                "Intake:MaxEvidenceFileBytes must not exceed MaxEvidenceTotalBytes.",
            ],
            problems);
    }

    [Fact]
    public void Validate_ConfiguredLimit_AppliesToValidator()
    {
        var validator = new IntakeValidator(new IntakeLimits { MaxSubjectLength = 5 });
        var submission = IntakeSamples.With("subject", "电饭煲无法加热");

        var result = validator.Validate(submission, IntakeSamples.Context());

        Assert.Equal(("subject", "Subject must be at most 5 characters."), IntakeSamples.SingleError(result));
    }
}
