using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>
/// The one resource set for everything people read: <c>Localization/CaseTexts.resx</c> (neutral, English) and one
/// <c>CaseTexts.{culture}.resx</c> per further language (zh-CN). Pages take <c>IStringLocalizer&lt;CaseTexts&gt;</c>
/// (registered by <c>AddComplaintWorkflow</c>); code that renders for a culture other than the current UI culture
/// (mail, timeline, validation messages) calls <see cref="Get"/>.
/// </summary>
/// <remarks>
/// Key families: <c>Kind.*</c>, <c>KindInText.*</c>, <c>Category.*</c>, <c>Remedy.*</c>, <c>Party.*</c>, <c>Urgency.*</c>,
/// <c>Channel.*</c>, <c>Role.*</c>, <c>Stage.*</c>, <c>Outcome.*</c>, <c>Actor.*</c>, <c>Task.*</c> (wire names after the dot),
/// <c>Mail.{NotificationKind}.Subject|Body</c>, <c>Timeline.{code}</c> (+ <c>.Short</c>), <c>Field.*</c> and <c>Intake.*</c>,
/// <c>Time.*</c> and <c>Money.*</c>. Placeholders are <c>{name}</c>.
/// </remarks>
public sealed class CaseTexts
{
    private static readonly IStringLocalizer Shared =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(CaseTexts));

    private CaseTexts()
    {
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>; a missing key throws (tests catch it, mail never shows a key).</summary>
    public static string Get(string key, CultureInfo culture) =>
        Find(key, culture) ?? throw new KeyNotFoundException($"No localized text '{key}' ({culture.Name}).");

    /// <summary>The text of <paramref name="key"/>, or null when the resource set has no such key.</summary>
    public static string? Find(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);

        // ResourceManagerStringLocalizer reads the current UI culture: set it for this one lookup.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var text = Shared[key];
            return text.ResourceNotFound ? null : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The text of <paramref name="key"/> with its <c>{name}</c> placeholders filled once (values are never re-scanned).</summary>
    public static string Format(string key, CultureInfo culture, IReadOnlyDictionary<string, string> values) =>
        Placeholders.Fill(Get(key, culture), values, (_, value) => value, literal => literal);
}
