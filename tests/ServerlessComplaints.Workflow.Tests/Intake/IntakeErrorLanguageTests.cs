using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Tests.Localization;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public class IntakeErrorLanguageTests
{
    private static readonly IntakeValidator Validator = new(new IntakeLimits());

    private static IntakeResult Invalid() => Validator.Validate(
        new ComplaintSubmission
        {
            Kind = "grievance", Category = null, Subject = "a\nb", Description = "ok",
            Customer = new CustomerSubmission { Name = "王芳", Email = "not-an-email", Phone = "12ab" },
            OccurredAt = "yesterday", Language = "fr",
        },
        new IntakeContext(Channel.Web, "CMP-20261123-ABCDEF", new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void ErrorsIn_Chinese_SameFieldKeysMessagesInChinese()
    {
        var result = Invalid();

        var zh = result.ErrorsIn(CaseCulture.Chinese);

        Assert.Equal(result.Errors.Keys.Order(StringComparer.Ordinal), zh.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["请填写类别。"], zh["category"]);
        Assert.Equal(["电子邮箱不是有效的电子邮箱地址。"], zh["customer.email"]);
        Assert.Equal(["主题只能有一行。"], zh["subject"]);
        Assert.All(zh.Values.SelectMany(m => m), m => Assert.DoesNotContain("customer.", m, StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_ForTheApi_StayEnglishPerField()
    {
        var result = Invalid();

        Assert.Equal(["Category is required."], result.Errors["category"]);
        Assert.Equal(result.Errors, result.ErrorsIn(CaseCulture.English));
    }

    [Fact]
    public void Messages_EveryIntakeCode_RendersInEveryCulture()
    {
        var codes = CaseTextsTests.Texts(CaseCulture.English).Keys.Where(k => k.StartsWith("Intake.", StringComparison.Ordinal)).Select(k => k["Intake.".Length..]);
        var arguments = new Dictionary<string, string> { ["max"] = "200", ["min"] = "5", ["allowed"] = "a, b", ["character"] = "U+202E" };

        foreach (var culture in CaseCulture.All)
        {
            foreach (var code in codes)
            {
                Assert.DoesNotMatch(@"\{[A-Za-z]+\}", new IntakeError("subject", code, arguments).Message(culture));
            }
        }
    }
}
