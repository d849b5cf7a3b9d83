using System.Globalization;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// A staff action posted as a form (the action-link pages, the staff case page) as the staff API's JSON body: the
/// same field names as the JSON ("rootCause", "remedy.amount"), choices as the pages offer them ("decision":
/// approve/reject or accept/decline, "hold": place/release).
/// </summary>
public static class StaffActionForm
{
    public static StaffActionBody ToBody(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? V(string key) => form.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        return new StaffActionBody
        {
            RootCause = V("rootCause"),
            ResponsibleParty = V("responsibleParty"),
            Facts = V("facts"),
            Remedy = V("remedy.type") is null ? null : new RemedyBody
            {
                Type = V("remedy.type"),
                Amount = decimal.TryParse(V("remedy.amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
                Description = V("remedy.description"),
            },
            Answer = V("answer"),
            Adopted = V("adopted") is { } adopted ? adopted == "true" : null,
            Reply = V("reply"),
            Comment = V("comment"),
            Reference = V("reference"),
            Reason = V("reason"),
            Accepted = V("decision") is { } decision ? decision == "accept" : null,
            Rating = int.TryParse(V("rating"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) ? rating : null,
            Hold = V("hold") switch
            {
                "place" => true,
                "release" => false,
                _ => null,
            },
            Note = V("note"),
            Owner = V("owner"),
        };
    }
}
