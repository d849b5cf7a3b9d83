namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// Where a staff sign-in leads afterwards: a path on this site only — an address elsewhere would turn the sign-in into
/// a relay for phishing pages — else the queue in the page's language.
/// </summary>
public static class StaffReturnUrl
{
    public const string QueryName = "returnUrl";

    private const int MaxLength = 2048;

    /// <summary>The value when it is a path on this site (<c>/staff/cases/…?lang=en</c>), else null.</summary>
    public static string? Local(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] != '/')
        {
            return null;
        }

        // "//host" and "/\host" are addresses elsewhere to a browser; backslashes and control characters have no place in a path.
        if (value.Length > 1 && value[1] is '/' or '\\')
        {
            return null;
        }

        return value.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c)) || !Uri.TryCreate(value, UriKind.Relative, out _) ? null : value;
    }

    /// <summary>The local return path, or the staff queue in <paramref name="language"/>.</summary>
    public static string OrQueue(string? value, string language) => Local(value) ?? "/staff?lang=" + Uri.EscapeDataString(language);
}
