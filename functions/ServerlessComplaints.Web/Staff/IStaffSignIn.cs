using Microsoft.AspNetCore.Http;

namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// Identifies the staff member behind a request of a staff route, before anything else (Durable included) is touched.
/// Each host supplies its own: LocalHost bearer keys mapped to the directory, the Functions app Entra ID tokens.
/// </summary>
public interface IStaffSignIn
{
    Task<StaffSignIn> SignInAsync(HttpRequest request, CancellationToken cancellationToken);
}
