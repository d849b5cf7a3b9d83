namespace ServerlessComplaints.Workflow.Domain;

/// <summary>Display labels for categories and kinds in zh-CN and en.</summary>
public static class CategoryLabels
{
    public static string For(Category category, string language) => (category, language == CaseLanguage.Chinese) switch
    {
        (Category.ProductQuality, true) => "产品质量",
        (Category.ProductQuality, false) => "Product quality",
        (Category.ServiceAttitude, true) => "服务态度",
        (Category.ServiceAttitude, false) => "Service attitude",
        (Category.Delivery, true) => "配送 / 物流",
        (Category.Delivery, false) => "Delivery / logistics",
        (Category.Price, true) => "价格 / 账单",
        (Category.Price, false) => "Price / billing",
        (Category.Facilities, true) => "设施",
        (Category.Facilities, false) => "Facilities",
        (_, true) => "其他",
        (_, false) => "Other",
    };

    public static string For(ComplaintKind kind, string language) => (kind, language == CaseLanguage.Chinese) switch
    {
        (ComplaintKind.Inquiry, true) => "咨询",
        (ComplaintKind.Inquiry, false) => "Inquiry",
        (ComplaintKind.Suggestion, true) => "建议",
        (ComplaintKind.Suggestion, false) => "Suggestion",
        (_, true) => "投诉",
        (_, false) => "Complaint",
    };
}
