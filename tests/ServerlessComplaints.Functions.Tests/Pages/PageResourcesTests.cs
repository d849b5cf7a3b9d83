using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// The page words of both hosts (ServerlessComplaints.Web/Resources): every language has every key with the same
/// placeholders, and the Chinese file is translated (no value left identical to the English one unless it is a name).
/// </summary>
public partial class PageResourcesTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "functions", "ServerlessComplaints.Web", "Resources");

    [Fact]
    public void EveryLanguage_HasTheNeutralKeysWithTheSamePlaceholders()
    {
        var neutral = Read("PageResources.resx");
        var chinese = Read("PageResources.zh-CN.resx");

        Assert.True(neutral.Count > 20, $"only {neutral.Count} page keys found in {Folder}");
        Assert.Empty(neutral.Keys.Except(chinese.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(chinese.Keys.Except(neutral.Keys).Order(StringComparer.Ordinal));
        var differing = neutral.Keys
            .Where(k => !Placeholders(neutral[k]).SequenceEqual(Placeholders(chinese[k])))
            .Select(k => $"{k}: '{neutral[k]}' vs '{chinese[k]}'")
            .ToList();
        Assert.Empty(differing);
    }

    [Fact]
    public void ChineseValues_ContainChineseText()
    {
        var chinese = Read("PageResources.zh-CN.resx");

        // A value without a single CJK character is an English text left in the Chinese file (names and symbols aside; a
        // value of placeholders and punctuation only, such as "{name}（{role}）", has no words to translate).
        var untranslated = chinese.Where(p => PlaceholderPattern().Replace(p.Value, "").Any(char.IsLetter) && !p.Value.Any(c => c is >= '\u4e00' and <= '\u9fff') && !IsName(p.Value))
            .Select(p => $"{p.Key}: '{p.Value}'")
            .ToList();

        Assert.Empty(untranslated);
    }

    private static bool IsName(string value) => value is "English" || value.StartsWith("http", StringComparison.Ordinal) || Regex.IsMatch(value, "^[A-Z0-9 ./-]+$");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static IEnumerable<string> Placeholders(string value) => PlaceholderPattern().Matches(value).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?:\d+[^}]*|[A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServerlessComplaints.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
