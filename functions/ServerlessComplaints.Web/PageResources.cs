namespace ServerlessComplaints.Web;

/// <summary>Marker of the page resources (<c>Resources/PageResources*.resx</c>) for <c>IStringLocalizer&lt;PageResources&gt;</c>.</summary>
public sealed class PageResources
{
    private PageResources()
    {
    }
}
