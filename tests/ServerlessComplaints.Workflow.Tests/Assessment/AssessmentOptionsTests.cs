using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Workflow.Tests.Assessment;

public sealed class AssessmentOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var options = new AssessmentOptions();

        var errors = options.Validate();

        Assert.Empty(errors);
        Assert.Equal(30, options.RepeatWindowDays);
        Assert.Contains("起火", options.UrgentKeywords);
        Assert.Contains("food poisoning", options.UrgentKeywords);
    }

    [Fact]
    public void Validate_ZeroWindowAndBlankKeyword_ReportsBoth()
    {
        var options = new AssessmentOptions { RepeatWindowDays = 0, UrgentKeywords = ["fire", " "] };

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("RepeatWindowDays", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("UrgentKeywords", StringComparison.Ordinal));
    }
}
