using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>
/// The staff member behind a request: App Service authentication validates the Entra ID token and passes the
/// principal in <c>X-MS-CLIENT-PRINCIPAL</c> (the platform strips the header from incoming requests); its email
/// claim maps to the staff directory. No principal or no directory entry: not staff.
/// </summary>
public sealed class EasyAuthStaff(StaffDirectory directory)
{
    public StaffMember? Identify(HttpRequest request)
    {
        var header = request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        try
        {
            using var principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var email = principal.RootElement.GetProperty("claims").EnumerateArray()
                .Where(c => c.GetProperty("typ").GetString() is "preferred_username" or "email"
                    or "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" or "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn")
                .Select(c => c.GetProperty("val").GetString())
                .FirstOrDefault(v => v is not null);
            return email is null ? null : directory.All.FirstOrDefault(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
