using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Web.Staff;

/// <summary>Local sign-in: <c>Authorization: Bearer &lt;key&gt;</c>, where <c>Staff:ApiKeys:&lt;staffId&gt;</c> maps each staff member to a key.</summary>
public sealed class ApiKeyStaffSignIn(StaffAuthenticator keys) : IStaffSignIn
{
    public Task<StaffSignIn> SignInAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(keys.Authenticate(request.Headers.Authorization.ToString()) is { } member ? StaffSignIn.SignedIn(member) : StaffSignIn.NoApiKey);
    }
}
