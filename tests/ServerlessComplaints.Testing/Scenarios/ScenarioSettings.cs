using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Testing.Scenarios;

/// <summary>Complaint-centre settings with the timers a scenario waits for cut to seconds, so the real engine runs it in real time.</summary>
public static class ScenarioSettings
{
    /// <summary>
    /// A complaint's investigation deadline: the SLA scenario waits it out on the real engine. The other complaint
    /// scenarios answer well before its first reminder (at half of it), even on a loaded machine.
    /// </summary>
    public static readonly TimeSpan ComplaintResolution = TimeSpan.FromSeconds(10);

    public static ComplaintCentreSettings Create(int activityAttempts = 3)
    {
        var settings = new ComplaintCentreSettings();
        settings.Sla.ComplaintResolution = SlaSpan.FromSeconds((int)ComplaintResolution.TotalSeconds);
        settings.Sla.ComplaintExtended = SlaSpan.FromSeconds(2 * (int)ComplaintResolution.TotalSeconds);
        settings.Workflow = settings.Workflow with
        {
            FollowUpDelay = TimeSpan.FromSeconds(1),
            // Long enough that a loaded machine still answers in time: a closed window would show as a different outcome.
            SurveyWindow = TimeSpan.FromSeconds(20),
            ActivityAttempts = activityAttempts,
            ActivityFirstRetry = TimeSpan.FromMilliseconds(200),
        };
        return settings;
    }
}
