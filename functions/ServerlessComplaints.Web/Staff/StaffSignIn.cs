using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Web.Staff;

/// <summary>How identifying the caller of a staff route ended.</summary>
public enum StaffSignInOutcome
{
    SignedIn,
    NotConfigured,
    NoApiKey,
    NoToken,
    InvalidToken,
    NotStaff,
    SignInUnavailable,
}

/// <summary>The outcome of identifying a staff caller: the staff member when signed in, otherwise the problem to answer.</summary>
public sealed record StaffSignIn(StaffSignInOutcome Outcome, StaffMember? Staff = null)
{
    public const string NotConfiguredTitle = "Staff sign-in is not configured: set AUTH_CLIENT_ID and provision again.";

    public static StaffSignIn NotConfigured { get; } = new(StaffSignInOutcome.NotConfigured);

    /// <summary>Local sign-in: no bearer key, or one that is no staff member's.</summary>
    public static StaffSignIn NoApiKey { get; } = new(StaffSignInOutcome.NoApiKey);

    public static StaffSignIn NoToken { get; } = new(StaffSignInOutcome.NoToken);

    public static StaffSignIn InvalidToken { get; } = new(StaffSignInOutcome.InvalidToken);

    public static StaffSignIn NotStaff { get; } = new(StaffSignInOutcome.NotStaff);

    public static StaffSignIn SignInUnavailable { get; } = new(StaffSignInOutcome.SignInUnavailable);

    public static StaffSignIn SignedIn(StaffMember staff) => new(StaffSignInOutcome.SignedIn, staff);

    /// <summary>The RFC 7807 answer for a caller who is not a signed-in staff member.</summary>
    /// <exception cref="InvalidOperationException">The caller is signed in: there is nothing to refuse.</exception>
    public ApiResponse Refusal() => Outcome switch
    {
        // Closed, never open: without an app registration no caller can be identified.
        StaffSignInOutcome.NotConfigured => ApiResponse.Problem(
            503, NotConfiguredTitle, "Staff routes stay closed until the app has an Entra ID app registration (StaffIdentity:ClientId)."),
        StaffSignInOutcome.NoApiKey => ApiResponse.Problem(
            401, "Staff authentication required.", "Send Authorization: Bearer <your staff API key>.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" }),
        StaffSignInOutcome.NoToken => ApiResponse.Problem(
            401, "Staff sign-in required.", "Sign in with your organisation account, or send an Entra ID token as Authorization: Bearer.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" }),
        StaffSignInOutcome.InvalidToken => ApiResponse.Problem(
            401, "Staff sign-in required.", "The token was not accepted (expired, or not issued for this app by its tenant). Sign in again.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer error=\"invalid_token\"" }),
        StaffSignInOutcome.NotStaff => ApiResponse.Problem(
            403, "Not in the staff directory.", "You are signed in, but your account is not in the staff directory. Ask the complaint centre to add you."),
        StaffSignInOutcome.SignInUnavailable => ApiResponse.Unavailable("Staff sign-in could not reach Entra ID. Try again shortly."),
        _ => throw new InvalidOperationException("A signed-in staff member has nothing to refuse."),
    };
}
