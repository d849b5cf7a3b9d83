using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;
using static ServerlessComplaints.Workflow.Tests.Calendar.TestCalendars;

namespace ServerlessComplaints.Workflow.Tests.Calendar;

public sealed class SlaClockTests
{
    private readonly SlaClock clock = new(China, new SlaOptions());

    [Theory]
    [InlineData(ComplaintKind.Complaint, false, null, 3)]
    [InlineData(ComplaintKind.Complaint, true, null, 7)]
    [InlineData(ComplaintKind.Inquiry, false, 24, null)]
    [InlineData(ComplaintKind.Suggestion, false, null, 5)]
    public void SpanFor_EachKind_ReturnsConfiguredSpan(ComplaintKind kind, bool extended, int? hours, int? workingDays)
    {
        var span = clock.SpanFor(kind, extended);

        Assert.Equal(new SlaSpan(hours, workingDays), span);
    }

    [Theory]
    [InlineData(ComplaintKind.Inquiry)]
    [InlineData(ComplaintKind.Suggestion)]
    public void SpanFor_ExtendedNonComplaint_Throws(ComplaintKind kind)
    {
        Assert.Throws<ArgumentException>(() => clock.SpanFor(kind, extended: true));
    }

    [Fact]
    public void Deadline_InquiryAcrossDaylightTimeStart_Is24ElapsedHours()
    {
        var newYork = new SlaClock(Weekends("America/New_York"), new SlaOptions { Region = "XX" });
        var received = At(2026, 3, 7, 12, 0, TimeSpan.FromHours(-5));

        var due = newYork.Deadline(received, newYork.SpanFor(ComplaintKind.Inquiry));

        // 12:00 EST Saturday + 24 h = 13:00 EDT Sunday on the wall clock.
        Assert.Equal(TimeSpan.FromHours(24), due - received);
        Assert.Equal(Utc(2026, 3, 8, 17), due);
    }

    [Fact]
    public void Deadline_SecondsOverWeekend_IsElapsedSeconds()
    {
        var received = At(2026, 3, 7, 23, 59, Shanghai);

        var due = clock.Deadline(received, SlaSpan.FromSeconds(90));

        // Saturday night: seconds ignore the business calendar.
        Assert.Equal(received.AddSeconds(90), due);
    }

    [Fact]
    public void Plan_SecondsSpan_RemindsAt50And80PercentAndEscalatesAtDeadline()
    {
        var received = At(2026, 3, 3, 9, 0, Shanghai);

        var plan = clock.Plan(received, SlaSpan.FromSeconds(10));

        Assert.Equal(received.AddSeconds(10), plan.DueUtc);
        Assert.Equal(
            [
                new SlaCheckpoint(received.AddSeconds(5), SlaCheckpointKind.Reminder, 50, 0),
                new SlaCheckpoint(received.AddSeconds(8), SlaCheckpointKind.Reminder, 80, 0),
                new SlaCheckpoint(received.AddSeconds(10), SlaCheckpointKind.Escalation, 100, 1),
                new SlaCheckpoint(Utc(2026, 3, 4, 16), SlaCheckpointKind.Escalation, 0, 2), // the centre head: a working day later
            ],
            plan.Checkpoints);
    }

    [Fact]
    public void Deadline_InvalidSpan_Throws()
    {
        Assert.Throws<ArgumentException>(() => clock.Deadline(Utc(2026, 3, 2, 1), new SlaSpan(Hours: 4, WorkingDays: 1)));
        Assert.Throws<ArgumentException>(() => clock.Deadline(Utc(2026, 3, 2, 1), new SlaSpan(Seconds: 0)));
    }

    [Fact]
    public void Plan_ComplaintDueBeforeWeekend_RemindsAt50And80PercentAndEscalatesAfterWeekend()
    {
        var received = At(2026, 3, 3, 9, 0, Shanghai);

        var plan = clock.Plan(ComplaintKind.Complaint, received);

        // Wed 4, Thu 5, Fri 6 -> Sat 7 March 00:00 +08; 87 h after receipt.
        Assert.Equal(received, plan.StartUtc);
        Assert.Equal(Utc(2026, 3, 6, 16), plan.DueUtc);
        Assert.Equal(
            [
                new SlaCheckpoint(Utc(2026, 3, 4, 20, 30), SlaCheckpointKind.Reminder, 50, 0),   // +43.5 h
                new SlaCheckpoint(Utc(2026, 3, 5, 22, 36), SlaCheckpointKind.Reminder, 80, 0),   // +69.6 h
                new SlaCheckpoint(Utc(2026, 3, 6, 16), SlaCheckpointKind.Escalation, 100, 1),
                new SlaCheckpoint(Utc(2026, 3, 9, 16), SlaCheckpointKind.Escalation, 0, 2),      // end of Mon 9 March
            ],
            plan.Checkpoints);
    }

    [Fact]
    public void Plan_ComplaintDueBeforeSpringFestival_CentreHeadEscalationSkipsHolidays()
    {
        var received = At(2026, 2, 11, 9, 0, Shanghai);

        var plan = clock.Plan(ComplaintKind.Complaint, received);

        // Thu 12, Fri 13, make-up Sat 14 -> Sun 15 Feb 00:00 +08; next working day Tue 24 Feb -> Wed 25 00:00 +08.
        Assert.Equal(Utc(2026, 2, 14, 16), plan.DueUtc);
        var centreHead = plan.Checkpoints.Single(c => c.Level == 2);
        Assert.Equal(Utc(2026, 2, 24, 16), centreHead.AtUtc);
    }

    [Fact]
    public void Plan_DueAtMidnightBeforeWorkingDay_CentreHeadAtEndOfThatDay()
    {
        var received = At(2026, 3, 2, 9, 0, Shanghai);

        var plan = clock.Plan(ComplaintKind.Complaint, received);

        // Due Fri 6 March 00:00 +08; the working day that begins then (Fri 6) is the one extra day.
        Assert.Equal(Utc(2026, 3, 5, 16), plan.DueUtc);
        Assert.Equal(Utc(2026, 3, 6, 16), plan.Checkpoints.Single(c => c.Level == 2).AtUtc);
    }

    [Fact]
    public void Plan_ExtendedComplaint_SevenWorkingDaysFromReceipt()
    {
        var received = At(2026, 3, 2, 9, 0, Shanghai);

        var plan = clock.Plan(ComplaintKind.Complaint, received, extended: true);

        // Tue 3 – Fri 6, Mon 9 – Wed 11 -> Thu 12 March 00:00 +08.
        Assert.Equal(Utc(2026, 3, 11, 16), plan.DueUtc);
    }

    [Fact]
    public void Plan_InquiryOnFriday_HoursDueSaturdayAndCentreHeadAfterWeekend()
    {
        var received = At(2026, 3, 6, 10, 0, Shanghai);

        var plan = clock.Plan(ComplaintKind.Inquiry, received);

        Assert.Equal(Utc(2026, 3, 7, 2), plan.DueUtc);
        Assert.Equal(Utc(2026, 3, 6, 14), plan.Checkpoints[0].AtUtc);
        Assert.Equal(Utc(2026, 3, 9, 16), plan.Checkpoints[^1].AtUtc);
    }

    [Fact]
    public void Plan_ExplicitSpanAndCustomOptions_UsesThem()
    {
        var options = new SlaOptions { ReminderFractions = [0.25], CentreHeadEscalationWorkingDays = 2 };
        var custom = new SlaClock(China, options);
        var received = At(2026, 3, 2, 9, 0, Shanghai);

        var plan = custom.Plan(received, SlaSpan.FromWorkingDays(1));

        // Due Wed 4 March 00:00 +08 (39 h); centre head at the end of Thu 5 March.
        Assert.Equal(
            [
                new SlaCheckpoint(Utc(2026, 3, 2, 10, 45), SlaCheckpointKind.Reminder, 25, 0),
                new SlaCheckpoint(Utc(2026, 3, 3, 16), SlaCheckpointKind.Escalation, 100, 1),
                new SlaCheckpoint(Utc(2026, 3, 5, 16), SlaCheckpointKind.Escalation, 0, 2),
            ],
            plan.Checkpoints);
    }

    [Fact]
    public void Plan_UnspecifiedKindStart_TreatedAsUtc()
    {
        var received = DateTime.SpecifyKind(At(2026, 3, 3, 9, 0, Shanghai), DateTimeKind.Unspecified);

        var plan = clock.Plan(ComplaintKind.Complaint, received);

        Assert.Equal(DateTimeKind.Utc, plan.StartUtc.Kind);
        Assert.Equal(Utc(2026, 3, 6, 16), plan.DueUtc);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingProblems()
    {
        var options = new SlaOptions { ReminderFractions = [0.9, 0.1] };

        var error = Assert.Throws<ArgumentException>(() => new SlaClock(China, options));

        Assert.Contains("strictly ascending", error.Message, StringComparison.Ordinal);
    }
}
