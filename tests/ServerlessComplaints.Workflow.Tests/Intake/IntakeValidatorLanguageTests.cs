using ServerlessComplaints.Workflow.Domain;
using static ServerlessComplaints.Workflow.Tests.Intake.IntakeSamples;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public sealed class IntakeValidatorLanguageTests
{
    private const string EnglishSubject = "Rice cooker stopped heating";
    private const string EnglishDescription = "Bought on 20 November at the Pudong store.";

    [Theory]
    [InlineData("zh-CN", CaseLanguage.Chinese)]
    [InlineData("ZH-cn", CaseLanguage.Chinese)]
    [InlineData("zh", CaseLanguage.Chinese)]
    [InlineData("EN", CaseLanguage.English)]
    [InlineData(" en ", CaseLanguage.English)]
    public void Validate_LanguageField_Normalises(string language, string expected)
    {
        var result = Validate(With("language", language), acceptLanguage: "fr-FR");

        Assert.Equal(expected, result.Details!.Language);
    }

    [Theory]
    [InlineData("en-US,en;q=0.9,zh-CN;q=0.8", CaseLanguage.English)]
    [InlineData("fr-FR, en;q=0.5, zh-TW;q=0.7", CaseLanguage.Chinese)]
    [InlineData("zh-Hant-HK", CaseLanguage.Chinese)]
    [InlineData("de, en-GB;q=0.2", CaseLanguage.English)]
    [InlineData("zh;q=0, en;q=0.1", CaseLanguage.English)]
    [InlineData("en;q=0.8, zh;q=0.8", CaseLanguage.English)]
    public void Validate_NoLanguageField_UsesAcceptLanguageByQuality(string acceptLanguage, string expected)
    {
        var result = Validate(With("language", null), acceptLanguage: acceptLanguage);

        Assert.Equal(expected, result.Details!.Language);
    }

    [Fact]
    public void Validate_NoSupportedLanguageAndChineseText_ChoosesChinese()
    {
        var submission = With("language", null) with { Subject = "Rice cooker 坏了" };

        var result = Validate(submission, acceptLanguage: "fr-FR, *;q=0.1");

        Assert.Equal(CaseLanguage.Chinese, result.Details!.Language);
    }

    [Fact]
    public void Validate_NoLanguageHintsAndEnglishText_ChoosesEnglish()
    {
        var submission = With("language", "") with { Subject = EnglishSubject, Description = EnglishDescription };

        var result = Validate(submission);

        Assert.Equal(CaseLanguage.English, result.Details!.Language);
    }

    [Fact]
    public void Validate_LanguageFieldOverridesHeaderAndText_UsesField()
    {
        var submission = With("language", "en");

        var result = Validate(submission, acceptLanguage: "zh-CN");

        Assert.Equal(CaseLanguage.English, result.Details!.Language);
    }
}
