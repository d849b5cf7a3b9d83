using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>Whether two cases come from the same customer: same email (case-insensitive) or same phone digits.</summary>
public static class CustomerMatch
{
    public static bool SamePerson(Customer a, Customer b) =>
        (a.Email is { Length: > 0 } && string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase))
        || (PhoneKey(a.Phone) is { Length: >= 5 } key && key == PhoneKey(b.Phone));

    /// <summary>The phone number's digits only, so "+86 138-0000" and "+861380000" match.</summary>
    public static string? PhoneKey(string? phone) => phone is null ? null : new string([.. phone.Where(char.IsAsciiDigit)]);
}
