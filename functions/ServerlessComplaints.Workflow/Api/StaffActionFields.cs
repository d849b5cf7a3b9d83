using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>Collects field errors while a staff action's body is read.</summary>
internal sealed class StaffActionFields
{
    private const int MaxText = 4000;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string Text(string? value, string field, bool required = true, int max = MaxText)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                Errors[field] = [$"{field} is required."];
            }

            return "";
        }

        if (trimmed.Length > max)
        {
            Errors[field] = [$"{field} must be at most {max} characters."];
        }

        return trimmed;
    }

    public T Choice<T>(string? value, string field, IReadOnlyDictionary<string, T> allowed)
        where T : struct
    {
        if (value is not null && allowed.TryGetValue(value.Trim().ToLowerInvariant(), out var parsed))
        {
            return parsed;
        }

        Errors[field] = [$"{field} must be one of: {string.Join(", ", allowed.Keys)}."];
        return default;
    }

    public Remedy Remedy(RemedyBody? body)
    {
        if (body is null)
        {
            Errors["remedy"] = ["remedy is required (type, description, and amount where money moves)."];
            return new Remedy(RemedyType.Apology, null, "");
        }

        var type = Choice(body.Type, "remedy.type", RemedyTypes);
        if (body.Amount is < 0 or > 10_000_000)
        {
            Errors["remedy.amount"] = ["remedy.amount must be between 0 and 10,000,000."];
        }

        // Every remedy that costs money carries its amount, so that the authority limits see it.
        if (body.Amount is null && CostsMoney(type))
        {
            Errors["remedy.amount"] = ["remedy.amount is required for a refund, compensation, coupon, exchange or repair (0 if it costs nothing)."];
        }
        else if (body.Amount is > 0 && !CostsMoney(type))
        {
            Errors["remedy.amount"] = ["an apology or explanation carries no amount."];
        }

        return new Remedy(type, body.Amount, Text(body.Description, "remedy.description", max: 1000));
    }

    public static bool CostsMoney(RemedyType type) => type is not (RemedyType.Apology or RemedyType.Explanation);

    public static readonly IReadOnlyDictionary<string, RemedyType> RemedyTypes = new Dictionary<string, RemedyType>
    {
        ["refund"] = RemedyType.Refund, ["exchange"] = RemedyType.Exchange, ["repair"] = RemedyType.Repair,
        ["compensation"] = RemedyType.Compensation, ["coupon"] = RemedyType.Coupon, ["apology"] = RemedyType.Apology,
        ["explanation"] = RemedyType.Explanation,
    };

    public static readonly IReadOnlyDictionary<string, ResponsibleParty> Parties = new Dictionary<string, ResponsibleParty>
    {
        ["company"] = ResponsibleParty.Company, ["staff"] = ResponsibleParty.Staff, ["customer"] = ResponsibleParty.Customer,
        ["third-party"] = ResponsibleParty.ThirdParty,
    };
}
