using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>The wire names of the enumerated intake fields, matched case-insensitively.</summary>
internal static class IntakeChoices
{
    public const string Kinds = "complaint, inquiry, suggestion";
    public const string Categories = "product-quality, service-attitude, delivery, price, facilities, other";
    public const string Remedies = "refund, exchange, repair, compensation, coupon, apology, explanation";

    public static ComplaintKind? Kind(string value) => value.ToLowerInvariant() switch
    {
        "complaint" => ComplaintKind.Complaint,
        "inquiry" => ComplaintKind.Inquiry,
        "suggestion" => ComplaintKind.Suggestion,
        _ => null,
    };

    public static Category? Category(string value) => value.ToLowerInvariant() switch
    {
        "product-quality" => Domain.Category.ProductQuality,
        "service-attitude" => Domain.Category.ServiceAttitude,
        "delivery" => Domain.Category.Delivery,
        "price" => Domain.Category.Price,
        "facilities" => Domain.Category.Facilities,
        "other" => Domain.Category.Other,
        _ => null,
    };

    public static RemedyType? Remedy(string value) => value.ToLowerInvariant() switch
    {
        "refund" => RemedyType.Refund,
        "exchange" => RemedyType.Exchange,
        "repair" => RemedyType.Repair,
        "compensation" => RemedyType.Compensation,
        "coupon" => RemedyType.Coupon,
        "apology" => RemedyType.Apology,
        "explanation" => RemedyType.Explanation,
        _ => null,
    };
}
