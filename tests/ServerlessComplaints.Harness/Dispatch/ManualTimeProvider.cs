namespace ServerlessComplaints.Harness.Dispatch;

/// <summary>A clock that moves only when told to: drives workflows through days in milliseconds.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset value)
    {
        if (value < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The clock only moves forward.");
        }

        _now = value;
    }
}
