namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Phone numbers as people write them: digits, spaces and + - ( ).</summary>
internal static class PhoneNumberRule
{
    public const int MinLength = 5;

    /// <summary>An error message for the value, or null when it is acceptable.</summary>
    public static string? Check(string value, string label, int maxLength)
    {
        if (value.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '-' or '(' or ')')))
        {
            return $"{label} may contain only digits, spaces and + - ( ).";
        }

        if (value.Length < MinLength || value.Length > maxLength)
        {
            return $"{label} must be {MinLength} to {maxLength} characters.";
        }

        return value.Count(char.IsAsciiDigit) < MinLength ? $"{label} must contain at least {MinLength} digits." : null;
    }
}
