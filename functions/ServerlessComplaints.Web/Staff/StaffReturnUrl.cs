namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// Where a staff sign-in leads afterwards: a staff page of this site only (<c>/staff</c>, <c>/staff/…</c>,
/// <c>/staff?…</c>) — an address elsewhere would turn the sign-in into a relay for phishing pages, and no other page
/// needs a session — else the queue in the page's language.
/// </summary>
public static class StaffReturnUrl
{
    public const string QueryName = "returnUrl";

    private const int MaxLength = 2048;

    /// <summary>The value when it is a staff page's path on this site (<c>/staff/cases/…?lang=en</c>), else null.</summary>
    public static string? Local(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !IsStaffPath(value))
        {
            return null;
        }

        // "//host" and "/\host" are addresses elsewhere to a browser; an empty path segment ("/staff//x") no page has.
        if (value.Split('?')[0].Contains("//", StringComparison.Ordinal))
        {
            return null;
        }

        return value.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c)) || !Uri.TryCreate(value, UriKind.Relative, out _) ? null : value;
    }

    private static bool IsStaffPath(string value) =>
        value == "/staff" || value.StartsWith("/staff/", StringComparison.Ordinal) || value.StartsWith("/staff?", StringComparison.Ordinal);

    /// <summary>The local return path, or the staff queue in <paramref name="language"/>.</summary>
    public static string OrQueue(string? value, string language) => Local(value) ?? "/staff?lang=" + Uri.EscapeDataString(language);
}
