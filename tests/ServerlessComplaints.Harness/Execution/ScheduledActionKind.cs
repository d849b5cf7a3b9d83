namespace ServerlessComplaints.Harness.Execution;

internal enum ScheduledActionKind
{
    Activity,
    Timer,
}
