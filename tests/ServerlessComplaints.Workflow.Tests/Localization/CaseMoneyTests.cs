using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Tests.Localization;

public class CaseMoneyTests
{
    [Theory]
    [InlineData("zh-CN", 599, "¥599.00")]
    [InlineData("en", 599, "CN¥599.00")]
    [InlineData("zh-CN", 1234.5, "¥1,234.50")]
    [InlineData("en", 0, "CN¥0.00")]
    public void Format_Amount_CurrencyOfTheCulture(string language, decimal amount, string expected)
    {
        var text = CaseMoney.Format(amount, CaseCulture.Of(language));

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Format_InvariantText_ParsedOrKept()
    {
        Assert.Equal("¥800.00", CaseMoney.Format("800.00", CaseCulture.Chinese));
        Assert.Equal("-", CaseMoney.Format("-", CaseCulture.Chinese));
    }
}
