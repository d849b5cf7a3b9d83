using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Tests.Localization;

public class CaseTextsTests
{
    private static readonly ResourceManager Resources = new(typeof(CaseTexts).FullName!, typeof(CaseTexts).Assembly);

    /// <summary>The keys and texts compiled for exactly one culture (no fallback to the neutral English).</summary>
    internal static Dictionary<string, string> Texts(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture.Name == CaseCulture.English.Name ? CultureInfo.InvariantCulture : culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    public static TheoryData<string> Cultures() => [.. CaseCulture.All.Select(c => c.Name)];

    [Fact]
    public void ResourceFiles_EveryCulture_HasTheNeutralKeySet()
    {
        var neutral = Texts(CaseCulture.English).Keys.Order(StringComparer.Ordinal).ToList();

        foreach (var culture in CaseCulture.All)
        {
            Assert.Equal(neutral, Texts(culture).Keys.Order(StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public void ResourceFiles_EveryText_HasTheNeutralPlaceholders()
    {
        var neutral = Texts(CaseCulture.English);

        foreach (var culture in CaseCulture.All)
        {
            foreach (var (key, text) in Texts(culture))
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{culture.Name}: {key} is empty");
                Assert.Equal(Placeholders.Names(neutral[key]).Order(StringComparer.Ordinal), Placeholders.Names(text).Order(StringComparer.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void CaseLabels_EveryDomainCode_HasALabel(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);

        var labels = new List<string>();
        labels.AddRange(Enum.GetValues<ComplaintKind>().Select(v => CaseLabels.Of(v, culture)));
        labels.AddRange(Enum.GetValues<ComplaintKind>().Select(v => CaseLabels.InText(v, culture)));
        labels.AddRange(Enum.GetValues<Category>().Select(v => CaseLabels.Of(v, culture)));
        labels.AddRange(Enum.GetValues<RemedyType>().Select(v => CaseLabels.Of(v, culture)));
        labels.AddRange(Enum.GetValues<ResponsibleParty>().Select(v => CaseLabels.Of(v, culture)));
        labels.AddRange(Enum.GetValues<Urgency>().Select(v => CaseLabels.Of(v, culture)));
        labels.AddRange(Enum.GetValues<Channel>().Select(v => CaseLabels.Of(v, culture)));
        labels.AddRange(Enum.GetValues<StaffRole>().Select(v => CaseLabels.Of(v, culture)));
        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            Assert.NotNull(CaseTexts.Find("Stage." + WireNames.Of(stage), culture));
            labels.Add(CaseLabels.Stage(stage, culture));
        }

        foreach (var outcome in Enum.GetValues<CaseOutcome>())
        {
            Assert.NotNull(CaseTexts.Find("Outcome." + WireNames.Of(outcome), culture));
            labels.Add(CaseLabels.Outcome(outcome, culture));
        }

        Assert.All(labels, label => Assert.False(string.IsNullOrWhiteSpace(label)));
        if (name == CaseLanguage.Chinese)
        {
            // Chinese labels carry no Latin letters: no untranslated code slips through.
            Assert.All(labels, label => Assert.DoesNotContain(label, char.IsAsciiLetter));
        }
    }

    [Fact]
    public void CategoryLabels_ByCaseLanguage_ComeFromTheResources()
    {
        Assert.Equal("产品质量", CategoryLabels.For(Category.ProductQuality, CaseLanguage.Chinese));
        Assert.Equal("Product quality", CategoryLabels.For(Category.ProductQuality, CaseLanguage.English));
        Assert.Equal("投诉", CategoryLabels.For(ComplaintKind.Complaint, CaseLanguage.Chinese));
    }

    [Fact]
    public void Get_MissingKey_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => CaseTexts.Get("No.Such.Key", CaseCulture.Chinese));
    }

    /// <summary>A class's string constants, or an enum's wire names.</summary>
    internal static IEnumerable<string> Constants(Type type) => type.IsEnum
        ? type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()!.Name)
        : type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
