using System.Globalization;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Benchmarks;

/// <summary>A valid Chinese complaint, as JSON for the HTTP intake and as a submission for the runtime benchmarks.</summary>
internal static class ComplaintSamples
{
    public const string Json = """
        {
          "kind": "complaint",
          "category": "product-quality",
          "subject": "电饭煲使用两天后无法加热",
          "description": "11月20日在浦东店购买的电饭煲，使用两天后无法加热，指示灯不亮。希望尽快换货。",
          "customer": { "name": "王芳", "email": "wang.fang@example.cn", "phone": "+86 138 0000 0000" },
          "location": "浦东店",
          "orderReference": "SO-88231",
          "desiredRemedy": "exchange",
          "language": "zh-CN"
        }
        """;

    public static ComplaintSubmission Submission(int index) => new()
    {
        Kind = "complaint",
        Category = "product-quality",
        Subject = "电饭煲使用两天后无法加热",
        Description = "11月20日在浦东店购买的电饭煲，使用两天后无法加热，指示灯不亮。希望尽快换货。",
        // One customer per case: the repeat-complaint rule would otherwise raise every case's urgency.
        Customer = new CustomerSubmission { Name = "王芳", Email = $"customer{index.ToString(CultureInfo.InvariantCulture)}@example.cn" },
        Location = "浦东店",
        DesiredRemedy = "exchange",
        Language = "zh-CN",
    };
}
