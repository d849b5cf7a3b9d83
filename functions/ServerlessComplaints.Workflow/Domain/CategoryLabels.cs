using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Workflow.Domain;

/// <summary>Display labels for categories and kinds by case language; the texts live in <see cref="CaseTexts"/>.</summary>
public static class CategoryLabels
{
    public static string For(Category category, string language) => CaseLabels.Of(category, CaseCulture.Of(language));

    public static string For(ComplaintKind kind, string language) => CaseLabels.Of(kind, CaseCulture.Of(language));
}
