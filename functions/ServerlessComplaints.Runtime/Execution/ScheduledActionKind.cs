namespace ServerlessComplaints.Runtime.Execution;

internal enum ScheduledActionKind
{
    Activity,
    Timer,
}
