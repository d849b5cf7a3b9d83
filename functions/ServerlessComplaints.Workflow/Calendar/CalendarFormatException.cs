namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>A business calendar file is malformed; the message names the offending entry.</summary>
public sealed class CalendarFormatException : FormatException
{
    public CalendarFormatException()
    {
    }

    public CalendarFormatException(string message)
        : base(message)
    {
    }

    public CalendarFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
