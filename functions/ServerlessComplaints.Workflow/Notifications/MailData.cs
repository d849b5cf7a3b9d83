using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// The data keys a notification request carries as codes, localized by <see cref="Activities.SendNotification"/>: a
/// remedy travels as its type's wire name, its amount as invariant text and its description as written.
/// </summary>
public static class MailData
{
    public const string RemedyType = "remedyType";
    public const string RemedyAmount = "remedyAmount";
    public const string RemedyText = "remedyText";

    /// <summary>The data of a remedy, to merge into a request's data.</summary>
    public static Dictionary<string, string> Of(Remedy remedy)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RemedyType] = WireNames.Of(remedy.Type),
            [RemedyText] = remedy.Description,
        };
        if (remedy.Amount is { } amount)
        {
            data[RemedyAmount] = CaseMoney.Invariant(amount);
        }

        return data;
    }
}
