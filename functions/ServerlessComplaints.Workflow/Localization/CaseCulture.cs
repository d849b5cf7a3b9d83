using System.Globalization;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>The culture a case is read in: its language (zh-CN or en), English for anything else.</summary>
public static class CaseCulture
{
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo(CaseLanguage.Chinese);

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo(CaseLanguage.English);

    /// <summary>Every culture the resource set is complete for.</summary>
    public static IReadOnlyList<CultureInfo> All { get; } = [Chinese, English];

    public static CultureInfo Of(string? language) => language == CaseLanguage.Chinese ? Chinese : English;
}
