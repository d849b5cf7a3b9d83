using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Workflow.Tests.Calendar;

public sealed class SlaSpanTests
{
    [Theory]
    [InlineData(24, null, null, "24 h")]
    [InlineData(null, 3, null, "3 working days")]
    [InlineData(null, null, 12, "12 s")]
    [InlineData(null, null, null, "no span")]
    public void ToString_EachMeasure_NamesItsUnit(int? hours, int? workingDays, int? seconds, string expected)
    {
        var span = new SlaSpan(hours, workingDays, seconds);

        var text = span.ToString();

        Assert.Equal(expected, text);
    }

    [Fact]
    public void With_AnotherMeasure_ReplacesTheMeasure()
    {
        var span = SlaSpan.FromWorkingDays(3);

        var changed = span with { Seconds = 12 };

        Assert.Equal(SlaSpan.FromSeconds(12), changed);
        Assert.Equal(SlaSpan.FromWorkingDays(3), span);
    }

    [Fact]
    public void Json_DeadlineRequestWithSeconds_RoundTrips()
    {
        var request = new DeadlineRequest(TestCalendars.Utc(2026, 3, 2, 1), SlaSpan.FromSeconds(8));

        var json = WorkflowJson.Serialize(request);
        var back = WorkflowJson.Deserialize<DeadlineRequest>(json);

        Assert.Equal(request, back);
        Assert.Contains("\"seconds\":8", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Sla:ComplaintResolution:Seconds", "12", 12)]
    [InlineData("--Sla:ComplaintExtended:Seconds", "30", 30)]
    public void Bind_SecondsOnCommandLine_ReplacesTheDefaultSpan(string key, string value, int seconds)
    {
        var settings = new ComplaintCentreSettings();
        var configuration = new ConfigurationBuilder().AddCommandLine([key, value]).Build();

        configuration.Bind(settings);

        var bound = key.Contains("Extended", StringComparison.Ordinal) ? settings.Sla.ComplaintExtended : settings.Sla.ComplaintResolution;
        Assert.Equal(SlaSpan.FromSeconds(seconds), bound);
        Assert.Equal(SlaSpan.FromHours(24), settings.Sla.InquiryAnswer);
    }

    [Fact]
    public void Bind_SecondsSpansForComplaints_AreValid()
    {
        var settings = new ComplaintCentreSettings();
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--Sla:ComplaintResolution:Seconds", "12", "--Sla:ComplaintExtended:Seconds", "24"])
            .Build();

        configuration.Bind(settings);

        Assert.Empty(settings.Sla.Validate());
        Assert.Equal(TimeSpan.FromSeconds(12), new SlaClock(TestCalendars.China, settings.Sla).Plan(ComplaintKind.Complaint, TestCalendars.Utc(2026, 3, 2, 1)).DueUtc - TestCalendars.Utc(2026, 3, 2, 1));
    }

    [Fact]
    public void Bind_TwoMeasuresInOneSection_StaysInvalid()
    {
        var settings = new ComplaintCentreSettings();
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--Sla:SuggestionReply:Hours", "4", "--Sla:SuggestionReply:Seconds", "30"])
            .Build();

        configuration.Bind(settings);

        Assert.Contains("Sla:SuggestionReply: set only one of Hours, WorkingDays or Seconds (found 4 h and 30 s).", settings.Sla.Validate());
    }

    [Fact]
    public void BindConfiguration_OnlySeconds_PassesValidateOnStart()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--Sla:ComplaintResolution:Seconds", "6", "--Sla:ComplaintExtended:Seconds", "12"]).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>()
            .AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).Services
            .BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<SlaOptions>>().Value;

        Assert.Equal(SlaSpan.FromSeconds(6), options.ComplaintResolution);
        Assert.Equal(SlaSpan.FromSeconds(12), options.ComplaintExtended);
    }
}
