namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>Guards that every instant entering the SLA clock is UTC.</summary>
internal static class UtcInstant
{
    // Unspecified is what deserialisers and Durable replays often produce for UTC values; Local is a bug.
    public static DateTime Require(DateTime value, string paramName) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException("Expected a UTC instant (DateTimeKind.Utc), got a local time.", paramName),
    };
}
