using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using static ServerlessComplaints.Workflow.Tests.Intake.IntakeSamples;

namespace ServerlessComplaints.Workflow.Tests.Intake;

/// <summary>Bidirectional and zero-width formatting characters (DESIGN.md §6) are refused per field, on every intake channel.</summary>
public sealed class IntakeValidatorInvisibleCharacterTests
{
    // Woman, ZWJ, laptop: an emoji written with a joiner; and a rainbow flag: flag, U+FE0F, ZWJ, rainbow.
    private const string WomanTechnologist = "\U0001F469\u200D\U0001F4BB";
    private const string RainbowFlag = "\U0001F3F3\uFE0F\u200D\U0001F308";

    public static TheoryData<string, string, string> SingleLineFields()
    {
        var data = new TheoryData<string, string, string>();
        var fields = new (string Key, string Label, string Clean)[]
        {
            ("subject", "Subject", "电饭煲无法加热"), ("customer.name", "Customer name", "王芳"), ("location", "Location", "浦东店"),
            ("orderReference", "Order reference", "SO-88231"), ("customer.email", "Customer email", "wang.fang@example.cn"),
            ("customer.phone", "Customer phone", "+86 138 0000 0000"),
        };
        foreach (var (key, label, clean) in fields)
        {
            foreach (var hidden in new[] { '\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' })
            {
                data.Add(key, clean.Insert(2, hidden.ToString()), $"{label} must not contain invisible bidirectional or zero-width characters (found U+{(int)hidden:X4}).");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SingleLineFields))]
    public void Validate_SingleLineFieldWithInvisibleFormatting_RefusedWithThatFieldsError(string key, string value, string message)
    {
        var result = Validate(With(key, value));

        Assert.False(result.IsValid);
        Assert.Equal((key, message), SingleError(result));
    }

    [Theory]
    [InlineData(Channel.Phone)]
    [InlineData(Channel.Counter)]
    [InlineData(Channel.Email)]
    public void Validate_OtherChannels_SameRule(Channel channel)
    {
        var result = Validate(With("customer.name", "王\u202E芳"), channel);

        Assert.Equal("customer.name", SingleError(result).Key);
    }

    [Fact]
    public void Validate_TrojanSourceStyleSubject_Refused()
    {
        // "invoice_\u202Egpj.exe" displays as "invoice_exe.jpg".
        var result = Validate(With("subject", "附件 invoice_\u202Egpj.exe"));

        Assert.Equal("subject", SingleError(result).Key);
    }

    [Theory]
    [InlineData(WomanTechnologist)]
    [InlineData(RainbowFlag)]
    [InlineData("\U0001F469\U0001F3FD\u200D\U0001F4BB")]
    public void Validate_DescriptionWithZwjEmojiSequence_Accepted(string emoji)
    {
        var result = Validate(With("description", $"店员态度很好 {emoji} 但是产品坏了"));

        Assert.True(result.IsValid);
        Assert.Contains(emoji, result.Details!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("产品\u200D坏了")]
    [InlineData("产品坏了\u200D")]
    [InlineData("产品\u202E坏了")]
    [InlineData("第一行\n第二\u2067行")]
    [InlineData("产品\u200B坏了")]
    public void Validate_DescriptionWithOtherInvisibleFormatting_Refused(string description)
    {
        var result = Validate(With("description", description));

        Assert.Equal("description", SingleError(result).Key);
    }

    [Fact]
    public void Validate_SubjectWithZwjEmoji_RefusedAsSingleLineFieldsKeepNoJoiner()
    {
        var result = Validate(With("subject", "好评 " + WomanTechnologist));

        Assert.Equal("subject", SingleError(result).Key);
    }

    [Fact]
    public void WithoutInvisibleFormatting_MixedText_DropsWhatTheValidatorRefusesAndKeepsEmojiJoiners()
    {
        var stripped = IntakeText.WithoutInvisibleFormatting($"\uFEFF王\u202E芳\u200B {WomanTechnologist}", multiline: true);
        var singleLine = IntakeText.WithoutInvisibleFormatting($"王\u200F芳 {WomanTechnologist}", multiline: false);

        Assert.Equal($"王芳 {WomanTechnologist}", stripped);
        Assert.Equal("王芳 \U0001F469\U0001F4BB", singleLine);
        Assert.Null(IntakeText.InvisibleFormatting(stripped, multiline: true));
    }
}
