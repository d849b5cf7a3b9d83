using Microsoft.Extensions.Options;
using ServerlessComplaints.Workflow.Calendar;

namespace ServerlessComplaints.Workflow.Tests.Calendar;

public sealed class SlaOptionsTests
{
    [Fact]
    public void Defaults_MatchSourceGuides()
    {
        var options = new SlaOptions();

        Assert.Equal("CN", options.Region);
        Assert.Equal(SlaSpan.FromHours(24), options.InquiryAnswer);
        Assert.Equal(SlaSpan.FromWorkingDays(3), options.ComplaintResolution);
        Assert.Equal(SlaSpan.FromWorkingDays(7), options.ComplaintExtended);
        Assert.Equal(SlaSpan.FromWorkingDays(5), options.SuggestionReply);
        Assert.Equal([0.5, 0.8], options.ReminderFractions);
        Assert.Equal(1, options.CentreHeadEscalationWorkingDays);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(null, null, null, "set one of Hours, WorkingDays or Seconds")]
    [InlineData(24, 3, null, "set only one of Hours, WorkingDays or Seconds (found 24 h and 3 working days)")]
    [InlineData(null, 3, 30, "set only one of Hours, WorkingDays or Seconds (found 3 working days and 30 s)")]
    [InlineData(0, null, null, "Hours must be at least 1")]
    [InlineData(null, -2, null, "WorkingDays must be at least 1")]
    [InlineData(null, null, 0, "Seconds must be at least 1 (was 0)")]
    public void Validate_BadSpan_ReportsSettingAndReason(int? hours, int? workingDays, int? seconds, string reason)
    {
        var options = new SlaOptions { SuggestionReply = new SlaSpan(hours, workingDays, seconds) };

        var problems = options.Validate();

        var problem = Assert.Single(problems);
        Assert.StartsWith("Sla:SuggestionReply:", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecondsSpans_AreValid()
    {
        var options = new SlaOptions { ComplaintResolution = SlaSpan.FromSeconds(8), ComplaintExtended = SlaSpan.FromSeconds(16), InquiryAnswer = SlaSpan.FromSeconds(5) };

        var problems = options.Validate();

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(null, 12, 8)]
    [InlineData(1, null, 3599)]
    public void Validate_ExtendedElapsedShorterThanNormal_ReportsProblem(int? normalHours, int? normalSeconds, int extendedSeconds)
    {
        var options = new SlaOptions
        {
            ComplaintResolution = new SlaSpan(Hours: normalHours, Seconds: normalSeconds),
            ComplaintExtended = SlaSpan.FromSeconds(extendedSeconds),
        };

        var problems = options.Validate();

        Assert.Contains($"Sla:ComplaintExtended ({extendedSeconds} s) must not be shorter", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0.0 }, "ReminderFractions[0] must be between 0 and 1")]
    [InlineData(new[] { 0.5, 1.0 }, "ReminderFractions[1] must be between 0 and 1")]
    [InlineData(new[] { double.NaN }, "ReminderFractions[0] must be between 0 and 1")]
    [InlineData(new[] { 0.8, 0.5 }, "strictly ascending")]
    [InlineData(new[] { 0.5, 0.5 }, "strictly ascending")]
    public void Validate_BadReminderFractions_ReportsProblem(double[] fractions, string expected)
    {
        var options = new SlaOptions { ReminderFractions = fractions };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoReminders_IsAllowed()
    {
        var options = new SlaOptions { ReminderFractions = [] };

        var problems = options.Validate();

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_ExtendedShorterThanNormal_ReportsProblem()
    {
        var options = new SlaOptions { ComplaintExtended = SlaSpan.FromWorkingDays(2) };

        var problems = options.Validate();

        Assert.Contains("Sla:ComplaintExtended (2 working days) must not be shorter", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EscalationDaysZeroAndRegionEmpty_ReportsBoth()
    {
        var options = new SlaOptions { CentreHeadEscalationWorkingDays = 0, Region = " " };

        var problems = options.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Sla:Region", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sla:CentreHeadEscalationWorkingDays", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_InvalidOptions_FailsWithProblems()
    {
        var options = new SlaOptions { InquiryAnswer = new SlaSpan() };

        var result = new SlaOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains("Sla:InquiryAnswer", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void SlaSpanFactories_NonPositive_Throw(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaSpan.FromHours(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaSpan.FromWorkingDays(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaSpan.FromSeconds(value));
    }
}
