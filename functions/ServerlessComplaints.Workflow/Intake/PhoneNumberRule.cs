namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Phone numbers as people write them: digits, spaces and + - ( ).</summary>
internal static class PhoneNumberRule
{
    public const int MinLength = 5;

    /// <summary>The problem's code and arguments (see <see cref="IntakeError"/>), or null when the value is acceptable.</summary>
    public static (string Code, (string Name, object Value)[] Arguments)? Check(string value, int maxLength)
    {
        if (value.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '-' or '(' or ')')))
        {
            return ("phone-characters", []);
        }

        if (value.Length < MinLength || value.Length > maxLength)
        {
            return ("phone-length", [("min", MinLength), ("max", maxLength)]);
        }

        return value.Count(char.IsAsciiDigit) < MinLength ? ("phone-digits", [("min", MinLength)]) : null;
    }
}
