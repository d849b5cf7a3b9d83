using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Notifications;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// Lookup without the mail link: a tracking number and an email address. When they match a case (the address
/// trimmed and compared case-insensitively), the case's status link is mailed to the case's own address by
/// <see cref="SendNotification"/> — through the outbox, in the case's language, in the mail layout. The link is never
/// returned: a caller answers the same whether or not the pair matched.
/// </summary>
public sealed class StatusLookup(IComplaintStore store, INotificationOutbox outbox, SendNotification send, IntakeLimits limits, ICaseMailBudget budget)
{
    /// <summary>The form's field names, also the keys of <see cref="Read"/>'s errors.</summary>
    public const string TrackingNumberField = "trackingNumber";

    public const string EmailField = "email";

    /// <summary>
    /// The lookup the customer typed, or the errors by field ("required" or "invalid"); nothing is looked up here.
    /// <paramref name="key"/> is the form's lookup key (32 hex digits); anything else is replaced by a new one.
    /// </summary>
    public StatusLookupInput Read(string? trackingNumber, string? email, string? key)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        // Tracking numbers are uppercase; one read off a mail on a phone may arrive in lowercase.
        var number = trackingNumber?.Trim().ToUpperInvariant() ?? "";
        if (number.Length == 0)
        {
            errors[TrackingNumberField] = StatusLookupInput.Required;
        }
        else if (!TrackingNumber.IsValid(number))
        {
            errors[TrackingNumberField] = StatusLookupInput.Invalid;
        }

        var address = email?.Trim() ?? "";
        var normalised = address.Length == 0 ? null : EmailAddressRule.Normalise(address, limits.MaxEmailLength);
        if (address.Length == 0)
        {
            errors[EmailField] = StatusLookupInput.Required;
        }
        else if (normalised is null)
        {
            errors[EmailField] = StatusLookupInput.Invalid;
        }

        return errors.Count > 0
            ? new StatusLookupInput(null, errors)
            : new StatusLookupInput(new StatusLookupRequest(number, normalised!, IsKey(key) ? key! : NewKey()), errors);
    }

    /// <summary>A new lookup key, one per form shown.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>32 lowercase hex digits: safe inside an outbox id (a table row key).</summary>
    public static bool IsKey(string? key) => key is { Length: 32 } && !key.AsSpan().ContainsAnyExcept("0123456789abcdef");

    /// <summary>
    /// Mails the status link when the pair matches, once per lookup key (the outbox id
    /// <c>{trackingNumber}-lookup-{key}-statuslink</c>) and only while the case's mail budget lasts.
    /// </summary>
    public async Task<StatusLookupOutcome> MailStatusLinkAsync(StatusLookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = TrackingNumber.IsValid(request.TrackingNumber) ? await store.GetAsync(request.TrackingNumber, cancellationToken) : null;
        if (record?.Details.Customer.Email is not { Length: > 0 } owner || !string.Equals(owner.Trim(), request.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return StatusLookupOutcome.NoMatch;
        }

        // A resent form is answered by the mail already sent, without spending the case's budget.
        var id = NotificationId(record.TrackingNumber, request.Key);
        if (await outbox.IsSentAsync(id, cancellationToken))
        {
            return StatusLookupOutcome.AlreadyMailed;
        }

        if (!budget.TryTake(record.TrackingNumber))
        {
            return StatusLookupOutcome.CaseBudgetSpent;
        }

        var notification = new NotificationRequest(id, record.TrackingNumber, NotificationKind.StatusLink, NotificationRequest.Customer);
        var result = await send.RunAsync(notification, cancellationToken);
        return result.Sent ? StatusLookupOutcome.Mailed : StatusLookupOutcome.AlreadyMailed;
    }

    /// <summary>Starts with the tracking number, so the retention sweep deletes the outbox row with the case.</summary>
    public static string NotificationId(string trackingNumber, string key) => $"{trackingNumber}-lookup-{key}-statuslink";
}

/// <summary>What the lookup form carried: a request to answer, or the errors by field.</summary>
public sealed record StatusLookupInput(StatusLookupRequest? Request, IReadOnlyDictionary<string, string> Errors)
{
    public const string Required = "required";

    public const string Invalid = "invalid";
}

/// <summary>A well-formed lookup; <see cref="Key"/> is one per filled form, so a resent form mails once.</summary>
public sealed record StatusLookupRequest(string TrackingNumber, string Email, string Key);

/// <summary>What became of a lookup (for logs and tests; the customer is told the same in every case).</summary>
public enum StatusLookupOutcome
{
    NoMatch,
    Mailed,
    AlreadyMailed,
    CaseBudgetSpent,
}

/// <summary>How many lookup mails one case may still receive now: one case cannot be mail-bombed through the lookup.</summary>
public interface ICaseMailBudget
{
    /// <summary>Takes one mail from the case's budget; false when it is spent for now.</summary>
    bool TryTake(string trackingNumber);
}
