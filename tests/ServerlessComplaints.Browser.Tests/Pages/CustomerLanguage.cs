namespace ServerlessComplaints.Browser.Tests.Pages;

/// <summary>
/// A customer's language: the browser locale, the words a person looks for on the pages (the visible labels of
/// Resources/PageResources*.resx), and what such a customer would type. Labels are matched as substrings, so the
/// bilingual form of today ("主题 Subject") and a form with one language per page both match.
/// </summary>
public sealed record CustomerLanguage(
    string Code,
    string Locale,
    string CentreName,
    string FormHeading,
    string Kind,
    string Subject,
    string Description,
    string Name,
    string Email,
    string Evidence,
    string Submit,
    CustomerInput Input)
{
    public static readonly CustomerLanguage Chinese = new(
        "zh-CN", "zh-CN", "客户投诉中心", "客户投诉 · 咨询 · 建议", "类型", "主题", "详细描述", "姓名", "电子邮箱", "凭证", "提交",
        new("电饭煲使用两天后无法加热", "11月20日在浦东店购买的电饭煲，使用两天后无法加热，附上照片。", "王芳", "wang.fang"));

    public static readonly CustomerLanguage English = new(
        "en", "en-GB", "Complaint centre", "Complaints, inquiries and suggestions", "Type", "Subject", "Description", "Name", "Email", "Evidence", "Submit",
        new("Rice cooker stopped heating after two days", "Bought at the Pudong store on 20 November; it stopped heating after two days. Photo attached.", "Emily Carter", "emily.carter"));

    /// <summary>By code, for theory data: "zh-CN" or "en".</summary>
    public static CustomerLanguage Of(string code) => code switch
    {
        "zh-CN" => Chinese,
        "en" => English,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "zh-CN or en"),
    };

    public override string ToString() => Code;
}

/// <summary>What the customer types: the complaint in their language, and a mailbox of their own (made unique per case).</summary>
public sealed record CustomerInput(string Subject, string Description, string Name, string MailboxName)
{
    public string NewEmail() => $"{MailboxName}.{Guid.NewGuid().ToString("N")[..8]}@example.cn";
}
